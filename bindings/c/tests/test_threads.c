/* Concurrency: several threads share one translator and translate the same lines at once; every
 * result must equal the single-threaded one. (The translator is immutable; there is no global
 * state, so no locking is needed.) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tongyong.h"

#define THREADS 4
#define ROUNDS 3

static const char *const LINES[] = {
    "我们的学校很大。",
    "他们是老师，她是医生。",
    "盲文是盲人用手指触摸阅读的文字。",
    "2024年3月15日，温度是23.5度。",
    "请访问 https://example.org/path 获取 GNU 工具。",
    "银行在路口的东边，你去过吗？",
};
#define NLINES (sizeof LINES / sizeof LINES[0])

static char expected[NLINES][1024];
static size_t expected_cursor[NLINES];

struct job {
    const tongyong_translator *tr;
    int failures;
};

static int translate_line(const tongyong_translator *tr, size_t k, char *out, size_t cap,
                          size_t *cursor) {
    size_t n = 0;
    if (tongyong_to_braille(tr, LINES[k], strlen(LINES[k]), TONGYONG_FORMAT_UNICODE, out, cap,
                            &n) != TONGYONG_OK)
        return 1;
    tongyong_translation *res = NULL;
    if (tongyong_translate(tr, LINES[k], strlen(LINES[k]), TONGYONG_UNIT_BYTE, 6, &res) !=
        TONGYONG_OK)
        return 1;
    *cursor = tongyong_translation_cursor(res);
    tongyong_translation_free(res);
    return 0;
}

static void *worker(void *arg) {
    struct job *job = arg;
    char out[1024];
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t k = 0; k < NLINES; k++) {
            size_t cursor = 0;
            if (translate_line(job->tr, k, out, sizeof out, &cursor) != 0 ||
                strcmp(out, expected[k]) != 0 || cursor != expected_cursor[k]) {
                job->failures++;
            }
        }
    }
    return NULL;
}

int main(void) {
    tongyong_translator *tr = NULL;
    if (tongyong_translator_new(NULL, &tr) != TONGYONG_OK) return 1;
    for (size_t k = 0; k < NLINES; k++) {
        if (translate_line(tr, k, expected[k], sizeof expected[k], &expected_cursor[k]) != 0) {
            fprintf(stderr, "test_threads: line %zu failed single-threaded\n", k);
            return 1;
        }
    }
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t].tr = tr;
        jobs[t].failures = 0;
        if (pthread_create(&threads[t], NULL, worker, &jobs[t]) != 0) return 1;
    }
    int failures = 0;
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        failures += jobs[t].failures;
    }
    tongyong_translator_free(tr);
    if (failures) {
        fprintf(stderr, "test_threads: %d mismatches\n", failures);
        return 1;
    }
    printf("test_threads: %d threads x %d rounds x %zu lines agree\n", THREADS, ROUNDS, NLINES);
    return 0;
}
