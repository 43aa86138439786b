/* brf_file: translate a UTF-8 text file to an embosser-ready BRF file, line by line, and write
 * the position map of every line (which input byte each braille cell came from).
 *
 *   brf_file INPUT OUTPUT.brf [POSITIONS.tsv]
 *
 * POSITIONS.tsv has one row per line: the line number, then for every cell the byte offset,
 * within the line, of the character it came from (liblouis' inputPos). Copy and adapt freely.
 *
 * Build:  cc -std=c11 brf_file.c $(pkg-config --cflags --libs tongyong) -o brf_file
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tongyong.h>

static int fail(const char *what, tongyong_status status) {
    fprintf(stderr, "brf_file: %s: %s\n", what, tongyong_status_message(status));
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s INPUT OUTPUT.brf [POSITIONS.tsv]\n", argv[0]);
        return 2;
    }
    if (tongyong_abi_version() != TONGYONG_ABI_VERSION) {
        fprintf(stderr, "brf_file: built for ABI %d, library has ABI %u\n", TONGYONG_ABI_VERSION,
                (unsigned)tongyong_abi_version());
        return 1;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }
    FILE *out = fopen(argv[2], "wb");
    if (!out) { perror(argv[2]); fclose(in); return 1; }
    FILE *pos = argc == 4 ? fopen(argv[3], "w") : NULL;
    if (argc == 4 && !pos) { perror(argv[3]); fclose(in); fclose(out); return 1; }

    tongyong_translator *tr = NULL;
    tongyong_status status = tongyong_translator_new(NULL, &tr); /* NULL: default options */
    if (status != TONGYONG_OK) return fail("translator", status);

    char *line = NULL;
    size_t line_cap = 0;
    char *brf = NULL;    /* grown on demand: BUFFER_TOO_SMALL tells the size needed */
    size_t brf_cap = 0;
    size_t *cells = NULL;
    size_t cells_cap = 0;
    ssize_t got;
    int rc = 0;
    unsigned long line_no = 0;
    while ((got = getline(&line, &line_cap, in)) != -1) {
        line_no++;
        size_t len = (size_t)got;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;

        tongyong_translation *res = NULL;
        status = tongyong_translate(tr, line, len, TONGYONG_UNIT_BYTE, 0, &res);
        if (status != TONGYONG_OK) {
            fprintf(stderr, "brf_file: line %lu: %s\n", line_no, tongyong_status_message(status));
            rc = 1;
            break;
        }
        size_t n = 0;
        status = tongyong_translation_braille(res, TONGYONG_FORMAT_BRF, brf, brf_cap, &n);
        if (status == TONGYONG_BUFFER_TOO_SMALL) {
            char *grown = realloc(brf, n);
            if (!grown) { tongyong_translation_free(res); rc = 1; break; }
            brf = grown;
            brf_cap = n;
            status = tongyong_translation_braille(res, TONGYONG_FORMAT_BRF, brf, brf_cap, &n);
        }
        if (status != TONGYONG_OK) { tongyong_translation_free(res); rc = fail("braille", status); break; }
        fwrite(brf, 1, n, out);
        fputc('\n', out);

        if (pos) {
            status = tongyong_translation_input_positions(res, cells, cells_cap, &n);
            if (status == TONGYONG_BUFFER_TOO_SMALL) {
                size_t *grown = realloc(cells, n * sizeof *cells);
                if (!grown) { tongyong_translation_free(res); rc = 1; break; }
                cells = grown;
                cells_cap = n;
                status = tongyong_translation_input_positions(res, cells, cells_cap, &n);
            }
            if (status != TONGYONG_OK) { tongyong_translation_free(res); rc = fail("positions", status); break; }
            fprintf(pos, "%lu", line_no);
            for (size_t j = 0; j < n; j++) fprintf(pos, "\t%zu", cells[j]);
            fputc('\n', pos);
        }
        tongyong_translation_free(res);
    }
    free(line);
    free(brf);
    free(cells);
    tongyong_translator_free(tr);
    fclose(in);
    if (fclose(out) != 0) rc = 1;
    if (pos && fclose(pos) != 0) rc = 1;
    return rc;
}
