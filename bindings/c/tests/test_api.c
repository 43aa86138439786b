/* C tests of the tongyong API: success, buffer too small, NULL pointers, invalid UTF-8, options,
 * position maps, pinyin and back-translation. Exits non-zero on the first failure. */
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
    test_translate(tr);
    test_pinyin(tr);
    test_from_braille();
    test_bad_input(tr);
    tongyong_translator_free(tr);
    if (failures) {
        fprintf(stderr, "test_api: %d check(s) failed\n", failures);
        return 1;
    }
    printf("test_api: all checks passed\n");
    return 0;
}
