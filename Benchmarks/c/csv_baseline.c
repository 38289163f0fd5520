/* The CSV limit: the project table of baseline-N.tsv written as Hamkor's excel-dialect CSV (en):
 * BOM, header, RFC 4180 quoting, total row, notes; 64 KiB buffer and write(2); atomic commit.
 *   csv_baseline IN.tsv OUT.csv */
#include "common.h"

static char buf[1 << 16];
static size_t used;
static int out_fd;

static void flush_buf(void) {
    size_t off = 0;
    while (off < used) {
        ssize_t n = write(out_fd, buf + off, used - off);
        if (n < 0) { perror("write"); exit(73); }
        off += n;
    }
    used = 0;
}

static inline void put(const char *s, size_t n) {
    if (used + n > sizeof buf) flush_buf();
    if (n > sizeof buf) { /* never for these rows */ exit(70); }
    memcpy(buf + used, s, n);
    used += n;
}

static inline void put_text(const char *s) {
    size_t n = strlen(s);
    int quote = 0, quotes = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r') quote = 1;
        if (c == '"') quotes = 1;
    }
    int neutralise = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    if (quote) put("\"", 1);
    if (neutralise) put("'", 1);
    if (quotes) {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"') put("\"", 1);
            put(&s[i], 1);
        }
    } else {
        put(s, n);
    }
    if (quote) put("\"", 1);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: csv_baseline IN.tsv OUT.csv\n"); return 64; }
    run_t run;
    begin_run(&run, argv[1], argv[2]);
    table_t t = run.table;
    out_fd = open(run.temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out_fd < 0) { perror(run.temporary); return 73; }
    put("\xEF\xBB\xBF", 3);
    const char *header = "ID,Project,Sector,Status,Region or city,Start year,Value (USD)\r\n";
    put(header, strlen(header));
    double total = 0;
    for (size_t i = 0; i < t.count; i++) {
        row_t *r = &t.rows[i];
        for (int c = 0; c < 5; c++) {
            put_text(r->field[c]);
            put(",", 1);
        }
        put(r->field[5], strlen(r->field[5]));
        put(",", 1);
        put(r->field[6], strlen(r->field[6]));
        put("\r\n", 2);
        total += r->value;
    }
    char line[128];
    int n = snprintf(line, sizeof line, "Total,,,,,,%.0f\r\n", total);
    put(line, n);
    put("\r\n", 2);
    put_text("Figures marked illustrative are estimates; the record gives only totals.");
    put("\r\n", 2);
    flush_buf();
    close(out_fd);
    finish_run(&run, argv[2], "csv-c");
    return 0;
}
