/* Shared by the C baselines: read Benchmarks/.data/baseline-N.tsv into memory, time phases,
 * peak RSS, and the atomic-write tail (fsync, rename, fsync folder) that Hamkor also does. */
#ifndef HAMKOR_BENCH_COMMON_H
#define HAMKOR_BENCH_COMMON_H
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NCOLS 7 /* id, name, sector, status, places, start year, value */

typedef struct {
    char *field[NCOLS];
    long year;
    double value;
} row_t;

typedef struct {
    char *text;
    row_t *rows;
    size_t count;
} table_t;

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu_s(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static long maxrss_kib(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

static table_t load_tsv(const char *path) {
    table_t t = {0};
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(66); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    t.text = malloc(size + 1);
    if (fread(t.text, 1, size, f) != (size_t)size) { perror(path); exit(66); }
    fclose(f);
    t.text[size] = 0;
    size_t lines = 0;
    for (long i = 0; i < size; i++) lines += t.text[i] == '\n';
    t.rows = calloc(lines + 1, sizeof(row_t));
    char *p = t.text, *end = t.text + size;
    while (p < end) {
        row_t *r = &t.rows[t.count];
        for (int c = 0; c < NCOLS; c++) {
            r->field[c] = p;
            while (p < end && *p != '\t' && *p != '\n') p++;
            if (p < end) *p++ = 0;
        }
        r->year = strtol(r->field[5], NULL, 10);
        r->value = strtod(r->field[6], NULL);
        t.count++;
    }
    return t;
}

/* Display width of UTF-8 text in characters (code points). */
__attribute__((unused)) static int utf8_width(const char *s) {
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void fsync_path(const char *path, int directory) {
    int fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd >= 0) { fsync(fd); close(fd); }
}

/* Renames temporary over final after fsyncing it, then fsyncs the folder (as Hamkor does). */
static void commit_file(const char *temporary, const char *final) {
    fsync_path(temporary, 0);
    if (rename(temporary, final) != 0) { perror("rename"); exit(73); }
    char *copy = strdup(final);
    fsync_path(dirname(copy), 1);
    free(copy);
}

static void report(const char *what, double load_s, double write_s, double write_cpu_s, long rss_before, long rss_after,
                   size_t rows) {
    /* One machine-readable line on stderr, read by Benchmarks/run.sh. */
    fprintf(stderr, "bench %s rows=%zu load=%.4f export=%.4f export_cpu=%.4f rss_loaded_kib=%ld rss_peak_kib=%ld\n", what,
            rows, load_s, write_s, write_cpu_s, rss_before, rss_after);
}
/* One baseline run: the loaded table, the marks after loading, and the temporary file that is
 * written beside OUT and committed over it at the end. */
typedef struct {
    table_t table;
    double start, loaded, loaded_cpu;
    long rss_loaded;
    char temporary[4096];
} run_t;

/* Loads IN.tsv and marks the end of loading. */
static void begin_run(run_t *run, const char *tsv, const char *out) {
    run->start = now_s();
    run->table = load_tsv(tsv);
    run->loaded = now_s();
    run->loaded_cpu = cpu_s();
    run->rss_loaded = maxrss_kib();
    snprintf(run->temporary, sizeof run->temporary, "%s.tmp-baseline", out);
}

/* Commits the temporary file over OUT and reports the run as WHAT. */
static void finish_run(run_t *run, const char *out, const char *what) {
    commit_file(run->temporary, out);
    double end = now_s();
    report(what, run->loaded - run->start, end - run->loaded, cpu_s() - run->loaded_cpu, run->rss_loaded, maxrss_kib(),
           run->table.count);
}
#endif
