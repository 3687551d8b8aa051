/* getopt and getopt_long. Options come before operands (no permutation is relied on). */
#include "tap.h"
#include <getopt.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	tap_plan(16);
	char *a1[] = { "prog", "-a", "-b", "val", "-cfoo", "-de", "--", "-x", "file", NULL };
	int argc = 9, c;
	char got[64] = "";
	opterr = 0;
	while ((c = getopt(argc, a1, "ab:c:de")) != -1) {
		size_t l = strlen(got);
		got[l] = (char)c;
		got[l + 1] = 0;
		if (c == 'b')
			ok(!strcmp(optarg, "val"), "-b takes the next word");
		if (c == 'c')
			ok(!strcmp(optarg, "foo"), "-cfoo takes the rest of the word");
	}
	tap_streq(got, "abcde", "the options in order, clusters split");
	ok(optind == 7 && !strcmp(a1[optind], "-x"), "-- ends the options, optind past it");

	char *a2[] = { "prog", "-z", "-b", NULL };
	optind = 1;
	c = getopt(3, a2, "b:");
	ok(c == '?' && optopt == 'z', "an unknown option is '?' with optopt");
	c = getopt(3, a2, ":b:");
	ok(c == ':' && optopt == 'b', "a missing argument with a leading ':' is ':'");

	char *a3[] = { "prog", "file", "-a", NULL };
	optind = 1;
	ok(getopt(3, a3, "a") == -1 && optind == 1, "the first operand stops getopt");

	static int flag;
	int idx = -1;
	static const struct option lo[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "output", required_argument, NULL, 'o' },
		{ "color", optional_argument, NULL, 'C' },
		{ "flag", no_argument, &flag, 42 },
		{ NULL, 0, NULL, 0 },
	};
	char *a4[] = { "prog",	 "--verbose", "--output=x.txt", "--output",
		       "y.txt",	 "--color",   "--color=always", "--flag",
		       "--verb", "-v",	      "--nope",		"rest",
		       NULL };
	optind = 1;
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'v' && idx == 0, "--verbose");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'o' && !strcmp(optarg, "x.txt"),
	   "--output=x.txt");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'o' && !strcmp(optarg, "y.txt"),
	   "--output y.txt");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'C' && optarg == NULL,
	   "--color without its optional argument");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'C' && !strcmp(optarg, "always"),
	   "--color=always");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 0 && flag == 42,
	   "--flag sets *flag and returns 0");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'v', "--verb, an unambiguous prefix");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == 'v', "-v, a short option");
	ok(getopt_long(12, a4, "vo:", lo, &idx) == '?', "--nope is unknown");
	return tap_done();
}
