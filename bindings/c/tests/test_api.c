/* C tests of the tongyong API: success, buffer too small, NULL pointers, invalid UTF-8, options
 * (reading mode, word spacing, user dictionary), position maps, pinyin, back-translation and sign
 * language (look-up, fingerspelling, text to signs). Exits non-zero on the first failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tongyong.h"

static int failures = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                          \
        }                                                                        \
    } while (0)

#define CHECK_STATUS(expr, expected)                                             \
    do {                                                                         \
        tongyong_status s_ = (expr);                                             \
        if (s_ != (expected)) {                                                  \
            fprintf(stderr, "%s:%d: %s returned %d (%s), expected %d\n", __FILE__, \
                    __LINE__, #expr, (int)s_, tongyong_status_message(s_), (int)(expected)); \
            failures++;                                                          \
        }                                                                        \
    } while (0)

static void test_version(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", TONGYONG_VERSION_MAJOR, TONGYONG_VERSION_MINOR,
             TONGYONG_VERSION_PATCH);
    CHECK(strcmp(tongyong_version(), expected) == 0);
    CHECK(tongyong_abi_version() == TONGYONG_ABI_VERSION);
    CHECK(strcmp(tongyong_status_message(TONGYONG_OK), "ok") == 0);
    CHECK(strstr(tongyong_status_message(TONGYONG_BUFFER_TOO_SMALL), "too small") != NULL);
    CHECK(strcmp(tongyong_status_message(12345), "unknown status code") == 0);
}

static void test_to_braille(const tongyong_translator *tr) {
    const char *text = "我们的学校很大。";
    char out[256];
    size_t n = 0;
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), TONGYONG_FORMAT_UNICODE, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜⠀⠓⠴⠄⠙⠔⠐⠆") == 0);
    CHECK(n == strlen(out));

    CHECK_STATUS(tongyong_to_braille(tr, "你好", strlen("你好"), TONGYONG_FORMAT_BRF, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "NH6'") == 0 && n == 4);
    CHECK_STATUS(tongyong_to_braille(tr, "你好", strlen("你好"), TONGYONG_FORMAT_DOTS, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "1345-125-235-3") == 0);

    /* The text need not be NUL-terminated: only `len` bytes are read. */
    CHECK_STATUS(tongyong_to_braille(tr, "你好世界", 6, TONGYONG_FORMAT_BRF, out, sizeof out, &n),
                 TONGYONG_OK);
    CHECK(strcmp(out, "NH6'") == 0);

    /* Empty text, also as NULL with length 0. */
    CHECK_STATUS(tongyong_to_braille(tr, "", 0, TONGYONG_FORMAT_UNICODE, out, sizeof out, &n),
                 TONGYONG_OK);
    CHECK(n == 0 && out[0] == '\0');
    CHECK_STATUS(tongyong_to_braille(tr, NULL, 0, TONGYONG_FORMAT_UNICODE, out, sizeof out, &n),
                 TONGYONG_OK);
    CHECK(n == 0);
}

static void test_buffer_too_small(const tongyong_translator *tr) {
    const char *text = "你好";
    char out[8];
    size_t n = 0;
    /* Size query: NULL buffer with capacity 0. */
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), TONGYONG_FORMAT_BRF, NULL, 0, &n),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == 5); /* "NH6'" and the NUL */
    /* One byte short: nothing written, never truncated. */
    memset(out, 'x', sizeof out);
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), TONGYONG_FORMAT_BRF, out, 4, &n),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == 5 && out[0] == 'x');
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), TONGYONG_FORMAT_BRF, out, n, &n),
                 TONGYONG_OK);
    CHECK(n == 4 && strcmp(out, "NH6'") == 0);

    /* Allocate exactly what the query says. */
    const char *long_text = "盲文是盲人用手指触摸阅读的文字。";
    CHECK_STATUS(tongyong_to_braille(tr, long_text, strlen(long_text), TONGYONG_FORMAT_UNICODE,
                                     NULL, 0, &n), TONGYONG_BUFFER_TOO_SMALL);
    char *buf = malloc(n);
    CHECK(buf != NULL);
    size_t cap = n;
    CHECK_STATUS(tongyong_to_braille(tr, long_text, strlen(long_text), TONGYONG_FORMAT_UNICODE,
                                     buf, cap, &n), TONGYONG_OK);
    CHECK(n + 1 == cap && strlen(buf) == n);
    free(buf);
}

static void test_null_and_invalid(const tongyong_translator *tr) {
    char out[64];
    size_t n = 0;
    const char *text = "你好";
    CHECK_STATUS(tongyong_to_braille(NULL, text, strlen(text), 0, out, sizeof out, &n),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_braille(tr, NULL, 3, 0, out, sizeof out, &n), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), 0, out, sizeof out, NULL),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), 0, NULL, 10, &n),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_braille(tr, text, strlen(text), 99, out, sizeof out, &n),
                 TONGYONG_INVALID_ARGUMENT);

    /* Invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong form. */
    const char bad1[] = {'a', (char)0x80, 'b'};
    const char bad2[] = {(char)0xE4, (char)0xBD};
    const char bad3[] = {(char)0xC0, (char)0xAF};
    CHECK_STATUS(tongyong_to_braille(tr, bad1, sizeof bad1, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_to_braille(tr, bad2, sizeof bad2, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_to_braille(tr, bad3, sizeof bad3, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    /* "你" cut in the middle by the length. */
    CHECK_STATUS(tongyong_to_braille(tr, text, 2, 0, out, sizeof out, &n), TONGYONG_INVALID_UTF8);

    tongyong_translation *res = NULL;
    CHECK_STATUS(tongyong_translate(tr, bad1, sizeof bad1, TONGYONG_UNIT_BYTE, 0, &res),
                 TONGYONG_INVALID_UTF8);
    CHECK(res == NULL);
    CHECK_STATUS(tongyong_translate(tr, text, strlen(text), TONGYONG_UNIT_BYTE, 0, NULL),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_translate(tr, text, strlen(text), 7, 0, &res),
                 TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_translation_input_positions(NULL, NULL, 0, &n), TONGYONG_NULL_POINTER);
    CHECK(tongyong_translation_symbol_count(NULL) == 0);
    CHECK(tongyong_translation_cursor(NULL) == 0);

    CHECK_STATUS(tongyong_options_new(NULL), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_set_tones(NULL, TONGYONG_TONES_FULL), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_translator_new(NULL, NULL), TONGYONG_NULL_POINTER);
    tongyong_words *words = NULL;
    CHECK_STATUS(tongyong_to_pinyin(tr, bad2, sizeof bad2, TONGYONG_UNIT_SCALAR, &words),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_from_braille(bad1, sizeof bad1, TONGYONG_BRAILLE_INPUT_UNICODE, out,
                                       sizeof out, &n, NULL), TONGYONG_INVALID_UTF8);

    /* Freeing NULL does nothing. */
    tongyong_options_free(NULL);
    tongyong_translator_free(NULL);
    tongyong_translation_free(NULL);
    tongyong_words_free(NULL);
}

static void test_options(void) {
    tongyong_options *opts = NULL;
    CHECK_STATUS(tongyong_options_new(&opts), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_tones(opts, TONGYONG_TONES_FULL), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_tones(opts, 42), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_options_set_lowercase_sign(opts, 3), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_options_set_decimal_point(opts, TONGYONG_DECIMAL_POINT_DOT2),
                 TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_symbols(opts, TONGYONG_SYMBOLS_CHINESE), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_symbols(opts, 3), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_options_set_symbols(opts, TONGYONG_SYMBOLS_PASS), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_blank_after_sentence_end(opts, false), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_apical_tone_before_zero_initial(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_tone_retention_list(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_abbreviate_before_zero_initial(opts, false), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_lowercase_sign(opts, TONGYONG_LOWERCASE_SIGN_ALWAYS),
                 TONGYONG_OK);
    tongyong_translator *full = NULL;
    CHECK_STATUS(tongyong_translator_new(opts, &full), TONGYONG_OK);
    tongyong_options_free(opts); /* the translator keeps its own copy */

    char out[64];
    size_t n = 0;
    /* With every tone written, 你好 keeps 你's tone and is not abbreviated. */
    CHECK_STATUS(tongyong_to_braille(full, "你好", strlen("你好"), TONGYONG_FORMAT_DOTS, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "1345-24-3-125-235-3") == 0);
    tongyong_translator_free(full);
}

/* The braille of `text` with `opts` (NULL: the defaults) in `out`; `opts` is left alive. */
static void braille_with(const tongyong_options *opts, const char *text, char *out, size_t cap) {
    tongyong_translator *t = NULL;
    size_t n = 0;
    out[0] = '\0';
    CHECK_STATUS(tongyong_translator_new(opts, &t), TONGYONG_OK);
    CHECK_STATUS(tongyong_to_braille(t, text, strlen(text), TONGYONG_FORMAT_UNICODE, out, cap, &n),
                 TONGYONG_OK);
    tongyong_translator_free(t);
}

static void test_readings_and_spacing(void) {
    tongyong_options *opts = NULL;
    char out[128];
    CHECK_STATUS(tongyong_options_new(&opts), TONGYONG_OK);

    /* Readings: 长 outside any dictionary word. Both modes read 全长 'total length' as chang2:
       the default mode with g2pM and the linear model, the fast mode with the linear model alone
       (it took the most frequent reading, zhang3, before the linear model). */
    braille_with(opts, "这条河全长475米。", out, sizeof out);
    CHECK(strcmp(out, "⠌⠢⠞⠜⠀⠓⠢⠀⠅⠯⠟⠦⠀⠼⠙⠛⠑⠀⠍⠊⠄⠐⠆") == 0);
    CHECK_STATUS(tongyong_options_set_readings(opts, TONGYONG_READINGS_FAST), TONGYONG_OK);
    braille_with(opts, "这条河全长475米。", out, sizeof out);
    CHECK(strcmp(out, "⠌⠢⠞⠜⠀⠓⠢⠀⠅⠯⠟⠦⠀⠼⠙⠛⠑⠀⠍⠊⠄⠐⠆") == 0);
    CHECK_STATUS(tongyong_options_set_readings(opts, TONGYONG_READINGS_MODEL), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_readings(opts, 2), TONGYONG_INVALID_ARGUMENT);
    braille_with(opts, "这条河全长475米。", out, sizeof out);
    CHECK(strcmp(out, "⠌⠢⠞⠜⠀⠓⠢⠀⠅⠯⠟⠦⠀⠼⠙⠛⠑⠀⠍⠊⠄⠐⠆") == 0);

    /* Idioms as 2 + 2: a blank in the middle of 风平浪静. */
    braille_with(opts, "风平浪静", out, sizeof out);
    CHECK(strcmp(out, "⠋⠼⠏⠡⠇⠦⠛⠡") == 0);
    CHECK_STATUS(tongyong_options_set_idioms(opts, TONGYONG_IDIOMS_TWO_PLUS_TWO), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_idioms(opts, 7), TONGYONG_INVALID_ARGUMENT);
    braille_with(opts, "风平浪静", out, sizeof out);
    CHECK(strcmp(out, "⠋⠼⠏⠡⠀⠇⠦⠛⠡") == 0);

    /* Negation not joined: 不 去 apart. */
    braille_with(opts, "我不去", out, sizeof out);
    CHECK(strcmp(out, "⠕⠀⠃⠥⠅⠬⠆") == 0);
    CHECK_STATUS(tongyong_options_set_join_negation(opts, false), TONGYONG_OK);
    braille_with(opts, "我不去", out, sizeof out);
    CHECK(strcmp(out, "⠕⠀⠃⠥⠀⠅⠬⠆") == 0);

    /* The other spacing setters accept their values; max_syllables must be at least 1. */
    CHECK_STATUS(tongyong_options_set_split_long_words(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_monosyllables(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_modal_particles(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_preposition_noun(opts, false), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_numeral_measure(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_ordinals(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_dates(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_names(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_place_generics(opts, true), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_max_syllables(opts, 0), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_options_set_max_syllables(opts, 4), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_set_join_dates(NULL, true), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_set_idioms(NULL, TONGYONG_IDIOMS_JOINED), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_set_max_syllables(NULL, 4), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_set_readings(NULL, TONGYONG_READINGS_FAST),
                 TONGYONG_NULL_POINTER);
    tongyong_options_free(opts);
}

static void test_user_dictionary(void) {
    tongyong_options *opts = NULL;
    char out[128];
    size_t line = 99;
    CHECK_STATUS(tongyong_options_new(&opts), TONGYONG_OK);
    braille_with(opts, "银行", out, sizeof out);
    CHECK(strcmp(out, "⠣⠂⠓⠦") == 0);

    /* A user word with its reading wins over the lexicon (yin2 xing2, not yin2 hang2). */
    const char *word = "银行", *reading = "yin2 xing2";
    CHECK_STATUS(tongyong_options_add_user_word(opts, word, strlen(word), reading,
                                                strlen(reading)), TONGYONG_OK);
    CHECK(tongyong_options_user_word_count(opts) == 1);
    braille_with(opts, "银行", out, sizeof out);
    CHECK(strcmp(out, "⠣⠂⠓⠡⠂") == 0);

    /* Invalid words and readings: an error, nothing added. */
    CHECK_STATUS(tongyong_options_add_user_word(opts, "abc", 3, NULL, 0),
                 TONGYONG_INVALID_DICTIONARY);
    CHECK_STATUS(tongyong_options_add_user_word(opts, word, strlen(word), "yin2", 4),
                 TONGYONG_INVALID_DICTIONARY);
    CHECK_STATUS(tongyong_options_add_user_word(opts, word, strlen(word), "yin2 xx9", 8),
                 TONGYONG_INVALID_DICTIONARY);
    CHECK_STATUS(tongyong_options_add_user_word(opts, "\xff", 1, NULL, 0), TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_options_add_user_word(opts, NULL, 3, NULL, 0), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_add_user_word(opts, word, strlen(word), NULL, 4),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_options_add_user_word(NULL, word, strlen(word), NULL, 0),
                 TONGYONG_NULL_POINTER);
    CHECK(tongyong_options_user_word_count(opts) == 1);
    CHECK(strstr(tongyong_status_message(TONGYONG_INVALID_DICTIONARY), "dictionary") != NULL);

    /* The text form; a word without a reading is only kept together. */
    const char *dict = "# comment\n\n长乐\tchang2 le4\r\n李华强\n";
    CHECK_STATUS(tongyong_options_load_user_dictionary(opts, dict, strlen(dict), &line),
                 TONGYONG_OK);
    CHECK(line == 0);
    CHECK(tongyong_options_user_word_count(opts) == 3);

    /* An invalid line (3: two characters, one syllable): its number, nothing added. */
    const char *bad = "厦门\n\n长乐\tchang2\n";
    CHECK_STATUS(tongyong_options_load_user_dictionary(opts, bad, strlen(bad), &line),
                 TONGYONG_INVALID_DICTIONARY);
    CHECK(line == 3);
    CHECK_STATUS(tongyong_options_load_user_dictionary(opts, bad, strlen(bad), NULL),
                 TONGYONG_INVALID_DICTIONARY);
    CHECK(tongyong_options_user_word_count(opts) == 3);
    CHECK_STATUS(tongyong_options_load_user_dictionary(opts, "\xff", 1, NULL),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_options_load_user_dictionary(NULL, dict, strlen(dict), NULL),
                 TONGYONG_NULL_POINTER);

    /* The translator copies the dictionary: it outlives the options. */
    tongyong_translator *t = NULL;
    size_t n = 0;
    CHECK_STATUS(tongyong_translator_new(opts, &t), TONGYONG_OK);
    CHECK_STATUS(tongyong_options_clear_user_dictionary(opts), TONGYONG_OK);
    CHECK(tongyong_options_user_word_count(opts) == 0);
    braille_with(opts, "银行", out, sizeof out);
    CHECK(strcmp(out, "⠣⠂⠓⠦") == 0);
    tongyong_options_free(opts);
    CHECK_STATUS(tongyong_to_braille(t, "银行", strlen("银行"), TONGYONG_FORMAT_UNICODE, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "⠣⠂⠓⠡⠂") == 0);
    tongyong_translator_free(t);
    CHECK_STATUS(tongyong_options_clear_user_dictionary(NULL), TONGYONG_NULL_POINTER);
    CHECK(tongyong_options_user_word_count(NULL) == 0);
}

static void test_translate(const tongyong_translator *tr) {
    /* 我们的学校: 学 (scalar 3, byte 9, UTF-16 3) starts at cell 5, after 我们的 and the blank. */
    const char *text = "我们的学校";
    tongyong_translation *res = NULL;
    CHECK_STATUS(tongyong_translate(tr, text, strlen(text), TONGYONG_UNIT_SCALAR, 3, &res),
                 TONGYONG_OK);
    size_t count = tongyong_translation_symbol_count(res);
    CHECK(count == 10);
    size_t in_pos[16];
    size_t out_pos[16];
    size_t n = 0;
    CHECK_STATUS(tongyong_translation_input_positions(res, in_pos, 2, &n),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == count);
    CHECK_STATUS(tongyong_translation_input_positions(res, in_pos, 16, &n), TONGYONG_OK);
    CHECK(n == count && in_pos[0] == 0 && in_pos[4] == 2 && in_pos[5] == 3);
    CHECK_STATUS(tongyong_translation_output_positions(res, out_pos, 16, &n), TONGYONG_OK);
    size_t expected[5] = {0, 1, 3, 5, 8};
    CHECK(n == 5 && memcmp(out_pos, expected, sizeof expected) == 0);
    CHECK(tongyong_translation_cursor(res) == 5);
    uint32_t symbols[16];
    CHECK_STATUS(tongyong_translation_symbols(res, symbols, 16, &n), TONGYONG_OK);
    CHECK(n == count && symbols[0] == 0x2815 && symbols[4] == 0x2800);
    char braille[64];
    CHECK_STATUS(tongyong_translation_braille(res, TONGYONG_FORMAT_UNICODE, braille,
                                              sizeof braille, &n), TONGYONG_OK);
    CHECK(strcmp(braille, "⠕⠍⠴⠙⠀⠓⠾⠂⠓⠜") == 0);
    tongyong_translation_free(res);

    /* The same in bytes: every byte of a character maps like the character. */
    CHECK_STATUS(tongyong_translate(tr, text, strlen(text), TONGYONG_UNIT_BYTE, 9, &res),
                 TONGYONG_OK);
    CHECK_STATUS(tongyong_translation_output_positions(res, NULL, 0, &n),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == strlen(text));
    size_t *bytes = malloc(n * sizeof *bytes);
    CHECK_STATUS(tongyong_translation_output_positions(res, bytes, n, &n), TONGYONG_OK);
    CHECK(bytes[9] == 5 && bytes[10] == 5 && bytes[11] == 5 && bytes[12] == 8);
    free(bytes);
    CHECK_STATUS(tongyong_translation_input_positions(res, in_pos, 16, &n), TONGYONG_OK);
    CHECK(in_pos[5] == 9);
    CHECK(tongyong_translation_cursor(res) == 5);
    tongyong_translation_free(res);

    /* A cursor past the end maps to the end of the output. */
    CHECK_STATUS(tongyong_translate(tr, text, strlen(text), TONGYONG_UNIT_UTF16, 99, &res),
                 TONGYONG_OK);
    CHECK(tongyong_translation_cursor(res) == 10);
    tongyong_translation_free(res);

    /* Empty input. */
    CHECK_STATUS(tongyong_translate(tr, NULL, 0, TONGYONG_UNIT_UTF16, 0, &res), TONGYONG_OK);
    CHECK(tongyong_translation_symbol_count(res) == 0);
    CHECK_STATUS(tongyong_translation_input_positions(res, NULL, 0, &n), TONGYONG_OK);
    CHECK(n == 0);
    tongyong_translation_free(res);
}

static void test_pinyin(const tongyong_translator *tr) {
    const char *text = "我们去银行。";
    tongyong_words *words = NULL;
    CHECK_STATUS(tongyong_to_pinyin(tr, text, strlen(text), TONGYONG_UNIT_BYTE, &words),
                 TONGYONG_OK);
    CHECK(tongyong_words_count(words) == 4);
    tongyong_word w;
    CHECK_STATUS(tongyong_words_get(words, 0, &w), TONGYONG_OK);
    CHECK(w.kind == TONGYONG_WORD_HAN && w.input_start == 0 && w.input_end == 6);
    CHECK(strcmp(w.pinyin, "wo3 men5") == 0 && w.pinyin_len == 8);
    CHECK_STATUS(tongyong_words_get(words, 2, &w), TONGYONG_OK);
    CHECK(strcmp(w.pinyin, "yin2 hang2") == 0);
    CHECK_STATUS(tongyong_words_get(words, 3, &w), TONGYONG_OK);
    CHECK(w.kind == TONGYONG_WORD_PUNCT && w.pinyin_len == 0 && w.input_start == 15);
    CHECK_STATUS(tongyong_words_get(words, 4, &w), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_words_get(words, 0, NULL), TONGYONG_NULL_POINTER);
    tongyong_words_free(words);
}

static void test_from_braille(void) {
    const char *braille = "⠕⠍⠴⠀⠱⠂";
    char out[64];
    size_t n = 0;
    CHECK_STATUS(tongyong_from_braille(braille, strlen(braille), TONGYONG_BRAILLE_INPUT_UNICODE,
                                       out, sizeof out, &n, NULL), TONGYONG_OK);
    CHECK(strcmp(out, "wo3/5'men2/5 shi2") == 0);
    CHECK_STATUS(tongyong_from_braille("N H6'", 5, TONGYONG_BRAILLE_INPUT_BRF, out, sizeof out,
                                       &n, NULL), TONGYONG_OK);
    CHECK(strcmp(out, "你 hao3") == 0);
    CHECK_STATUS(tongyong_from_braille("N H6'", 5, TONGYONG_BRAILLE_INPUT_BRF, out, 3, &n, NULL),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == strlen("你 hao3") + 1);
    /* A tone cell with no syllable before it cannot be read: the offending cell is reported. */
    size_t cell = 99;
    CHECK_STATUS(tongyong_from_braille("⠁", strlen("⠁"), TONGYONG_BRAILLE_INPUT_UNICODE, out,
                                       sizeof out, &n, &cell), TONGYONG_INVALID_BRAILLE);
    CHECK(cell == 0);
    CHECK_STATUS(tongyong_from_braille("⠁", strlen("⠁"), 5, out, sizeof out, &n, &cell),
                 TONGYONG_INVALID_ARGUMENT);
}

/* The string of a static sign-entry field (pointer + length, not NUL-terminated) equals `s`. */
static int str_eq(const char *p, size_t len, const char *s) {
    return p != NULL && len == strlen(s) && memcmp(p, s, len) == 0;
}

typedef const char *(*entry_str_fn)(const tongyong_sign_entry *, size_t *);

/* The field read by `get` (headword or gloss) of `e` equals `s`. */
static int field_eq(entry_str_fn get, const tongyong_sign_entry *e, const char *s) {
    size_t len = 0;
    const char *p = get(e, &len); /* sets len: read it only after the call */
    return str_eq(p, len, s);
}

static void test_sign_lookup(void) {
    CHECK(tongyong_sign_count() == 6707);

    const tongyong_sign_entry *const *entries = NULL;
    size_t count = 0;
    const char *word = "手语";
    CHECK_STATUS(tongyong_sign_lookup(word, strlen(word), &entries, &count), TONGYONG_OK);
    CHECK(count == 1 && entries != NULL);
    if (count == 1) {
        const tongyong_sign_entry *e = entries[0];
        size_t len = 0;
        CHECK(tongyong_sign_entry_id(e) == 3545);
        CHECK(field_eq(tongyong_sign_entry_headword, e, "手语"));
        CHECK(field_eq(tongyong_sign_entry_gloss, e, "手语（手势、比划、聊天儿）"));
        CHECK(tongyong_sign_entry_variant(e) == 0);
        CHECK(tongyong_sign_entry_shared_count(e) == 3);
        const char *shared = NULL;
        uint32_t variant = 99;
        CHECK_STATUS(tongyong_sign_entry_shared(e, 1, &shared, &len, &variant), TONGYONG_OK);
        CHECK(str_eq(shared, len, "比划") && variant == 0);
        CHECK_STATUS(tongyong_sign_entry_shared(e, 3, &shared, &len, &variant),
                     TONGYONG_INVALID_ARGUMENT);
        CHECK_STATUS(tongyong_sign_entry_shared(e, 0, NULL, &len, NULL), TONGYONG_NULL_POINTER);
        char buf[64];
        size_t n = 0;
        CHECK_STATUS(tongyong_sign_entry_pinyin(e, buf, sizeof buf, &n), TONGYONG_OK);
        CHECK(strcmp(buf, "shou3 yu3") == 0 && n == 9);
        CHECK_STATUS(tongyong_sign_entry_fingerspelling(e, buf, sizeof buf, &n), TONGYONG_OK);
        CHECK(strcmp(buf, "SH O U | Y U") == 0);
        CHECK_STATUS(tongyong_sign_entry_fingerspelling(e, buf, 3, &n),
                     TONGYONG_BUFFER_TOO_SMALL);
        CHECK(n == strlen("SH O U | Y U") + 1);
    }

    /* Every variant of a word, in variant order; the text need not be NUL-terminated. */
    CHECK_STATUS(tongyong_sign_lookup("学习手语", 6, &entries, &count), TONGYONG_OK);
    CHECK(count == 2);
    if (count == 2) {
        CHECK(tongyong_sign_entry_id(entries[0]) == 4462 && tongyong_sign_entry_variant(entries[0]) == 1);
        CHECK(tongyong_sign_entry_id(entries[1]) == 3701 && tongyong_sign_entry_variant(entries[1]) == 2);
    }
    /* A word listed as sharing a sign finds it. */
    CHECK_STATUS(tongyong_sign_lookup("妻子", strlen("妻子"), &entries, &count), TONGYONG_OK);
    CHECK(count >= 1);
    int found = 0;
    for (size_t i = 0; i < count; i++) found |= tongyong_sign_entry_id(entries[i]) == 4861;
    CHECK(found);
    /* A shared word with a variant mark: 违反① lists 不孝②. */
    const tongyong_sign_entry *e = NULL;
    CHECK_STATUS(tongyong_sign_by_id(1324, &e), TONGYONG_OK);
    const char *shared = NULL;
    size_t len = 0;
    uint32_t variant = 0;
    CHECK_STATUS(tongyong_sign_entry_shared(e, 2, &shared, &len, &variant), TONGYONG_OK);
    CHECK(str_eq(shared, len, "不孝") && variant == 2);
    CHECK(tongyong_sign_entry_variant(e) == 1);

    /* No sign: OK with nothing. Latin letters match in upper case. */
    entries = (const tongyong_sign_entry *const *)1;
    CHECK_STATUS(tongyong_sign_lookup("没有这个词", strlen("没有这个词"), &entries, &count),
                 TONGYONG_OK);
    CHECK(count == 0 && entries == NULL);
    CHECK_STATUS(tongyong_sign_lookup(NULL, 0, &entries, &count), TONGYONG_OK);
    CHECK(count == 0 && entries == NULL);
    CHECK_STATUS(tongyong_sign_lookup("ktv", 3, &entries, &count), TONGYONG_OK);
    CHECK(count == 1 && tongyong_sign_entry_id(entries[0]) == 891);

    /* By id; a bad id. */
    CHECK_STATUS(tongyong_sign_by_id(1, &e), TONGYONG_OK);
    CHECK(field_eq(tongyong_sign_entry_headword, e, "孔雀"));
    CHECK_STATUS(tongyong_sign_by_id(0, &e), TONGYONG_OK);
    CHECK(e != NULL && tongyong_sign_entry_id(e) == 0);
    CHECK_STATUS(tongyong_sign_by_id(6706, &e), TONGYONG_OK);
    CHECK_STATUS(tongyong_sign_by_id(6707, &e), TONGYONG_INVALID_ARGUMENT);
    CHECK(e == NULL);
    CHECK_STATUS(tongyong_sign_by_id(UINT32_MAX, &e), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_sign_by_id(70000, &e), TONGYONG_INVALID_ARGUMENT);

    /* NULL and invalid UTF-8. */
    const char bad[] = {'a', (char)0x80};
    CHECK_STATUS(tongyong_sign_lookup(bad, sizeof bad, &entries, &count), TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_sign_lookup("手语", 4, &entries, &count), TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_sign_lookup(NULL, 3, &entries, &count), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_sign_lookup(word, strlen(word), NULL, &count), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_sign_lookup(word, strlen(word), &entries, NULL), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_sign_by_id(1, NULL), TONGYONG_NULL_POINTER);
    CHECK(tongyong_sign_entry_id(NULL) == TONGYONG_SIGN_NO_ID);
    CHECK(tongyong_sign_entry_headword(NULL, &len) == NULL);
    CHECK(tongyong_sign_entry_headword(e, NULL) == NULL);
    CHECK(tongyong_sign_entry_gloss(NULL, &len) == NULL);
    CHECK(tongyong_sign_entry_variant(NULL) == 0);
    CHECK(tongyong_sign_entry_shared_count(NULL) == 0);
    CHECK_STATUS(tongyong_sign_entry_shared(NULL, 0, &shared, &len, NULL), TONGYONG_NULL_POINTER);
    char buf[16];
    size_t n = 0;
    CHECK_STATUS(tongyong_sign_entry_pinyin(NULL, buf, sizeof buf, &n), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_sign_entry_fingerspelling(NULL, buf, sizeof buf, &n),
                 TONGYONG_NULL_POINTER);
}

static void test_fingerspell(void) {
    char out[64];
    size_t n = 0;
    CHECK_STATUS(tongyong_fingerspell("张", strlen("张"), out, sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "ZH A NG") == 0 && n == 7);
    const char *text = "女生 ok";
    CHECK_STATUS(tongyong_fingerspell(text, strlen(text), out, sizeof out, &n), TONGYONG_OK);
    CHECK(strcmp(out, "N U(¨) | SH E NG | O K") == 0);
    CHECK_STATUS(tongyong_fingerspell(text, strlen(text), NULL, 0, &n), TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == strlen("N U(¨) | SH E NG | O K") + 1);
    CHECK_STATUS(tongyong_fingerspell("。", strlen("。"), out, sizeof out, &n), TONGYONG_OK);
    CHECK(n == 0 && out[0] == '\0');
    const char bad[] = {(char)0xE5, (char)0xBC};
    CHECK_STATUS(tongyong_fingerspell(bad, sizeof bad, out, sizeof out, &n), TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_fingerspell(NULL, 2, out, sizeof out, &n), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_fingerspell("张", strlen("张"), out, sizeof out, NULL),
                 TONGYONG_NULL_POINTER);
}

static void test_to_signs(void) {
    /* 电脑 has no sign (fingerspelled), 游戏 has; 2026 is signed digit by digit. */
    const char *text = "电脑游戏，2026";
    tongyong_signs *signs = NULL;
    CHECK_STATUS(tongyong_to_signs(text, strlen(text), TONGYONG_UNIT_BYTE, &signs), TONGYONG_OK);
    CHECK(tongyong_signs_count(signs) == 7);
    tongyong_sign_token t;
    CHECK_STATUS(tongyong_signs_get(signs, 0, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_FINGERSPELL && t.input_start == 0 && t.input_end == 6);
    CHECK(t.word_start == 0 && t.word_end == 12); /* 电脑游戏 is one word of the text, split */
    CHECK(t.entry_count == 0 && t.entries == NULL);
    CHECK(strcmp(t.letters, "D I A N N A O") == 0 && t.letters_len == 13);
    CHECK(strcmp(t.fingerspelling, "D I A N | N A O") == 0);
    CHECK_STATUS(tongyong_signs_get(signs, 1, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_SIGN && t.input_start == 6 && t.input_end == 12);
    CHECK(t.entry_count == 1 && tongyong_sign_entry_id(t.entries[0]) == 5888);
    CHECK(t.letters_len == 0 && t.letters[0] == '\0' && t.fingerspelling_len == 0);
    CHECK_STATUS(tongyong_signs_get(signs, 2, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_OTHER && t.input_start == 12 && t.input_end == 15);
    CHECK_STATUS(tongyong_signs_get(signs, 3, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_NUMBER && t.input_start == 15 && t.input_end == 16);
    CHECK(t.word_start == 15 && t.word_end == 19);
    CHECK(t.entry_count == 1);
    CHECK(field_eq(tongyong_sign_entry_headword, t.entries[0], "2"));
    CHECK_STATUS(tongyong_signs_get(signs, 7, &t), TONGYONG_INVALID_ARGUMENT);
    CHECK_STATUS(tongyong_signs_get(signs, 0, NULL), TONGYONG_NULL_POINTER);
    /* Entries are static: still valid after the list is freed. */
    CHECK_STATUS(tongyong_signs_get(signs, 1, &t), TONGYONG_OK);
    const tongyong_sign_entry *game = t.entries[0];
    tongyong_signs_free(signs);
    CHECK(tongyong_sign_entry_id(game) == 5888);

    /* Positions in code points and UTF-16 units; several variants. */
    const char *text2 = "😀我爱学习手语。";
    CHECK_STATUS(tongyong_to_signs(text2, strlen(text2), TONGYONG_UNIT_UTF16, &signs),
                 TONGYONG_OK);
    size_t count = tongyong_signs_count(signs);
    CHECK(count == 6);
    CHECK_STATUS(tongyong_signs_get(signs, 0, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_OTHER && t.input_start == 0 && t.input_end == 2);
    CHECK_STATUS(tongyong_signs_get(signs, 3, &t), TONGYONG_OK);
    CHECK(t.kind == TONGYONG_SIGN_KIND_SIGN && t.input_start == 4 && t.input_end == 6);
    CHECK(t.entry_count == 2 && tongyong_sign_entry_id(t.entries[1]) == 3701);
    tongyong_signs_free(signs);
    CHECK_STATUS(tongyong_to_signs(text2, strlen(text2), TONGYONG_UNIT_SCALAR, &signs),
                 TONGYONG_OK);
    CHECK_STATUS(tongyong_signs_get(signs, 3, &t), TONGYONG_OK);
    CHECK(t.input_start == 3 && t.input_end == 5);
    tongyong_signs_free(signs);

    /* Empty text; NULL, invalid UTF-8, bad unit. */
    CHECK_STATUS(tongyong_to_signs(NULL, 0, TONGYONG_UNIT_SCALAR, &signs), TONGYONG_OK);
    CHECK(tongyong_signs_count(signs) == 0);
    tongyong_signs_free(signs);
    signs = NULL;
    const char bad[] = {'x', (char)0xFF};
    CHECK_STATUS(tongyong_to_signs(bad, sizeof bad, TONGYONG_UNIT_SCALAR, &signs),
                 TONGYONG_INVALID_UTF8);
    CHECK(signs == NULL);
    CHECK_STATUS(tongyong_to_signs(NULL, 1, TONGYONG_UNIT_SCALAR, &signs), TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_signs(text, strlen(text), TONGYONG_UNIT_SCALAR, NULL),
                 TONGYONG_NULL_POINTER);
    CHECK_STATUS(tongyong_to_signs(text, strlen(text), 3, &signs), TONGYONG_INVALID_ARGUMENT);
    CHECK(signs == NULL);
    CHECK(tongyong_signs_count(NULL) == 0);
    CHECK_STATUS(tongyong_signs_get(NULL, 0, &t), TONGYONG_NULL_POINTER);
    tongyong_signs_free(NULL);
}

/* Unusual input (issue #7): surrogates and code points past U+10FFFF, an absurd length, embedded
 * NUL bytes, control characters, astral-plane characters counted in UTF-16 units, CRLF, and
 * position buffers one element short. */
static void test_bad_input(const tongyong_translator *tr) {
    char out[256];
    size_t n = 0;
    /* U+D800 encoded in UTF-8 (as CESU-8 or WTF-8 would), U+110000, a 5-byte form. */
    const char surrogate[] = {'a', (char)0xED, (char)0xA0, (char)0x80};
    const char too_big[] = {(char)0xF4, (char)0x90, (char)0x80, (char)0x80};
    const char five[] = {(char)0xF8, (char)0x88, (char)0x80, (char)0x80, (char)0x80};
    CHECK_STATUS(tongyong_to_braille(tr, surrogate, sizeof surrogate, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_to_braille(tr, too_big, sizeof too_big, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_to_braille(tr, five, sizeof five, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_UTF8);
    CHECK_STATUS(tongyong_from_braille(surrogate, sizeof surrogate, TONGYONG_BRAILLE_INPUT_UNICODE,
                                       out, sizeof out, &n, NULL), TONGYONG_INVALID_UTF8);
    /* A length no buffer can have is rejected before anything is read. */
    CHECK_STATUS(tongyong_to_braille(tr, "x", (size_t)-1, 0, out, sizeof out, &n),
                 TONGYONG_INVALID_ARGUMENT);

    /* Embedded NUL bytes are text like any other character: passed through, counted by
     * `*out_len` (so strlen() of the result stops early), written as \x{0} in BRF. */
    const char nul[] = "\xe4\xbd\xa0\0\xe5\xa5\xbd"; /* 你 NUL 好 */
    CHECK_STATUS(tongyong_to_braille(tr, nul, sizeof nul - 1, TONGYONG_FORMAT_UNICODE, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(n > strlen(out) && memchr(out, '\0', n) != NULL);
    CHECK_STATUS(tongyong_to_braille(tr, nul, sizeof nul - 1, TONGYONG_FORMAT_BRF, out,
                                     sizeof out, &n), TONGYONG_OK);
    CHECK(strstr(out, "\\x{0}") != NULL && n == strlen(out));

    /* Control characters and CRLF are passed through, one symbol each. */
    const char *ctl = "\xe4\xbd\xa0\x07\x1b\r\n\xe5\xa5\xbd";
    tongyong_translation *res = NULL;
    CHECK_STATUS(tongyong_translate(tr, ctl, strlen(ctl), TONGYONG_UNIT_BYTE, 0, &res),
                 TONGYONG_OK);
    size_t out_pos[32];
    CHECK_STATUS(tongyong_translation_output_positions(res, out_pos, 32, &n), TONGYONG_OK);
    CHECK(n == strlen(ctl)); /* one per byte */
    CHECK_STATUS(tongyong_translation_braille(res, TONGYONG_FORMAT_UNICODE, out, sizeof out, &n),
                 TONGYONG_OK);
    CHECK(strchr(out, '\x07') != NULL && strchr(out, '\x1b') != NULL);
    CHECK(strstr(out, "\r\n") != NULL);
    tongyong_translation_free(res);

    /* Astral-plane characters: a surrogate pair in UTF-16 units, 4 bytes in UTF-8. */
    const char *astral = "\xe6\x88\x91\xf0\x9f\x98\x80\xf0\xa0\x80\x80"; /* 我😀𠀀 */
    res = NULL;
    CHECK_STATUS(tongyong_translate(tr, astral, strlen(astral), TONGYONG_UNIT_UTF16, 3, &res),
                 TONGYONG_OK);
    CHECK_STATUS(tongyong_translation_output_positions(res, out_pos, 32, &n), TONGYONG_OK);
    CHECK(n == 5); /* 1 + 2 + 2 UTF-16 units */
    CHECK(out_pos[1] == out_pos[2] && out_pos[3] == out_pos[4]);
    size_t count = tongyong_translation_symbol_count(res);
    size_t in_pos[32];
    /* One element short: nothing written, the size reported. */
    for (size_t k = 0; k < 32; k++) in_pos[k] = 12345;
    CHECK_STATUS(tongyong_translation_input_positions(res, in_pos, count - 1, &n),
                 TONGYONG_BUFFER_TOO_SMALL);
    CHECK(n == count && in_pos[0] == 12345);
    CHECK_STATUS(tongyong_translation_input_positions(res, in_pos, count, &n), TONGYONG_OK);
    CHECK(n == count && in_pos[count - 1] < 5);
    CHECK(tongyong_translation_cursor(res) == out_pos[3]);
    tongyong_translation_free(res);
}

int main(void) {
    tongyong_translator *tr = NULL;
    CHECK_STATUS(tongyong_translator_new(NULL, &tr), TONGYONG_OK);
    if (tr == NULL) return 1;
    test_version();
    test_to_braille(tr);
    test_buffer_too_small(tr);
    test_null_and_invalid(tr);
    test_options();
    test_readings_and_spacing();
    test_user_dictionary();
    test_translate(tr);
    test_pinyin(tr);
    test_from_braille();
    test_sign_lookup();
    test_fingerspell();
    test_to_signs();
    test_bad_input(tr);
    tongyong_translator_free(tr);
    if (failures) {
        fprintf(stderr, "test_api: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_api: all checks passed\n");
    return 0;
}
