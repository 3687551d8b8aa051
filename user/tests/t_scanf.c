/* The scanf family against glibc's answers (data/scanf_expected.h), and fscanf on a stream. */
#include "tap.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "data/scan_shared.h"

static const char *const want[] = {
#include "data/scanf_expected.h"
};

int main(void)
{
	char buf[512];
	int i = 0;
	tap_plan((int)(sizeof(want) / sizeof(want[0])) + 3);
#define X(in, fmt, shape)                                                   \
	{                                                                   \
		SCAN_VARS;                                                  \
		int r = SCAN_CALL(shape, in, fmt);                          \
		scan_summary(buf, sizeof(buf), r, SCAN_ARGS);               \
		tap_streq(buf, want[i], "sscanf(\"%s\", \"%s\")", in, fmt); \
		i++;                                                        \
	}
#include "data/scanf_cases.def"
#undef X

	FILE *f = fopen("scanf_input.txt", "w+");
	fputs("12 3.5 word\n  99\n", f);
	rewind(f);
	int a = 0, b = 0;
	double d = 0;
	char w[32] = "";
	ok(fscanf(f, "%d %lf %31s", &a, &d, w) == 3 && a == 12 && d == 3.5 && !strcmp(w, "word"),
	   "fscanf reads from a stream");
	ok(fscanf(f, "%d", &b) == 1 && b == 99, "fscanf goes on where it stopped");
	ok(fscanf(f, "%d", &b) == EOF, "fscanf at the end is EOF");
	fclose(f);
	unlink("scanf_input.txt");
	return tap_done();
}
