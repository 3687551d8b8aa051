/* printf formatting against glibc's answers (data/printf_expected.h), and the stream side. */
#include "tap.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-truncation"

static const char *const want[] = {
#include "data/printf_expected.h"
};

static int vcount(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	char buf[2048];
	int i = 0, n;
	tap_plan((int)(sizeof(want) / sizeof(want[0])) + 10);
#define X(kind, fmt, ...)                                                      \
	n = snprintf(buf, sizeof(buf), fmt, __VA_ARGS__);                      \
	if (tap_streq(buf, want[i], "printf(\"%s\") of " #__VA_ARGS__, fmt) && \
	    n != (int)strlen(want[i]))                                         \
		printf("# but it returned %d\n", n);                           \
	i++;
#include "data/printf_cases.def"
#undef X

	/* snprintf truncation and the return value */
	n = snprintf(buf, 5, "%s", "abcdefgh");
	ok(n == 8 && !strcmp(buf, "abcd"), "snprintf truncates and returns the full length");
	ok(snprintf(NULL, 0, "%d", 12345) == 5, "snprintf(NULL, 0) counts");
	ok(vcount("%s-%d", "ab", 7) == 4, "vsnprintf counts");
	buf[0] = 'x';
	ok(snprintf(buf, 1, "abc") == 3 && buf[0] == 0, "snprintf with size 1 writes only the NUL");
	int pos = 0;
	snprintf(buf, sizeof(buf), "abc%nxyz", &pos);
	ok(pos == 3, "%%n stores the count so far");
	char *s = NULL;
	ok(asprintf(&s, "%s=%d", "x", 42) == 4 && s && !strcmp(s, "x=42"), "asprintf allocates");
	free(s);
	char big[5000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	ok(asprintf(&s, "<%s>", big) == 5001 && strlen(s) == 5001 && s[5000] == '>',
	   "asprintf grows past its first buffer");
	free(s);

	/* a stream: write through a pipe, read it back */
	int p[2];
	if (pipe(p) == 0) {
		FILE *w = fdopen(p[1], "w");
		fprintf(w, "%d %s %.3f\n", 7, "seven", 7.0);
		fputs("line two\n", w);
		putc('!', w);
		fclose(w);
		n = (int)read(p[0], buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = 0;
		close(p[0]);
	}
	tap_streq(buf, "7 seven 7.000\nline two\n!", "fprintf/fputs/putc through a FILE");
	n = dprintf(-1, "x");
	ok(n < 0, "dprintf to a bad fd fails");
	ok(sprintf(buf, "%5.2s|%c", "xyz", 'q') == 7 && !strcmp(buf, "   xy|q"), "sprintf");
	return tap_done();
}
