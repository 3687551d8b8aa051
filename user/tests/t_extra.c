/* fnmatch, basename/dirname, setlocale. */
#include "tap.h"
#include <fnmatch.h>
#include <libgen.h>
#include <locale.h>
#include <string.h>

static const struct {
	const char *pat, *str;
	int flags, match;
} fm[] = {
	{ "*.c", "main.c", 0, 1 },
	{ "*.c", "main.h", 0, 0 },
	{ "a?c", "abc", 0, 1 },
	{ "a?c", "ac", 0, 0 },
	{ "[abc]x", "bx", 0, 1 },
	{ "[!abc]x", "bx", 0, 0 },
	{ "[^abc]x", "dx", 0, 1 },
	{ "[a-z][0-9]", "q7", 0, 1 },
	{ "[]]", "]", 0, 1 },
	{ "[a-]", "-", 0, 1 },
	{ "\\*", "*", 0, 1 },
	{ "\\*", "x", 0, 0 },
	{ "*", ".hidden", FNM_PERIOD, 0 },
	{ ".*", ".hidden", FNM_PERIOD, 1 },
	{ "*/*", "dir/file", FNM_PATHNAME, 1 },
	{ "*", "dir/file", FNM_PATHNAME, 0 },
	{ "*", "dir/file", 0, 1 },
	{ "a*b*c", "aXXbYYc", 0, 1 },
	{ "a*b*c", "aXXbYY", 0, 0 },
	{ "[", "[", 0, 1 },
	{ "", "", 0, 1 },
	{ "**x", "abx", 0, 1 },
};

int main(void)
{
	int n = (int)(sizeof(fm) / sizeof(fm[0]));
	tap_plan(n + 9);
	for (int i = 0; i < n; i++)
		ok((fnmatch(fm[i].pat, fm[i].str, fm[i].flags) == 0) == fm[i].match,
		   "fnmatch(\"%s\", \"%s\", %d) %s", fm[i].pat, fm[i].str, fm[i].flags,
		   fm[i].match ? "matches" : "does not match");
	char p1[] = "/usr/lib/", p2[] = "/usr/lib/", p3[] = "file", p4[] = "file", p5[] = "/",
	     p6[] = "/";
	tap_streq(basename(p1), "lib", "basename(\"/usr/lib/\")");
	tap_streq(dirname(p2), "/usr", "dirname(\"/usr/lib/\")");
	tap_streq(basename(p3), "file", "basename(\"file\")");
	tap_streq(dirname(p4), ".", "dirname(\"file\")");
	tap_streq(basename(p5), "/", "basename(\"/\")");
	tap_streq(dirname(p6), "/", "dirname(\"/\")");
	char p7[] = "a//b//";
	tap_streq(dirname(p7), "a", "dirname(\"a//b//\")");
	const char *c = setlocale(LC_ALL, "C");
	ok(c && !strcmp(c, "C"), "setlocale(LC_ALL, \"C\")");
	ok(!strcmp(localeconv()->decimal_point, "."), "the decimal point is '.'");
	return tap_done();
}
