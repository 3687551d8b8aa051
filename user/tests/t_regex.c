/* regcomp/regexec against glibc's answers (data/regex_expected.h), and the error paths. */
#include "tap.h"
#include <regex.h>
#include <stdio.h>
#include <string.h>
#include "data/regex_shared.h"

static const char *const want[] = {
#include "data/regex_expected.h"
};

int main(void)
{
	char buf[256];
	int i = 0;
	tap_plan((int)(sizeof(want) / sizeof(want[0])) + 8);
#define X(fl, pat, str)                                                    \
	regex_summary(buf, sizeof(buf), fl, pat, str);                     \
	tap_streq(buf, want[i], "regex %s /%s/ on \"%s\"", #fl, pat, str); \
	i++;
#include "data/regex_cases.def"
#undef X
	regex_t re;
	ok(regcomp(&re, "a[bc", REG_EXTENDED) == REG_EBRACK, "an open bracket: REG_EBRACK");
	ok(regcomp(&re, "(ab", REG_EXTENDED) == REG_EPAREN, "an open parenthesis: REG_EPAREN");
	int r = regcomp(&re, "a\\{1", 0);
	ok(r == REG_EBRACE || r == REG_BADBR,
	   "an open brace: REG_EBRACE (or REG_BADBR, as musl says)");
	ok(regcomp(&re, "[[:nope:]]", REG_EXTENDED) == REG_ECTYPE, "an unknown class: REG_ECTYPE");
	ok(regcomp(&re, "a\\", REG_EXTENDED) == REG_EESCAPE, "a trailing backslash: REG_EESCAPE");
	ok(regcomp(&re, "\\(a\\)\\2", 0) == REG_ESUBREG, "a back-reference too far: REG_ESUBREG");
	ok(regerror(REG_NOMATCH, NULL, buf, sizeof(buf)) > 1 && buf[0], "regerror has a message");
	regcomp(&re, "^b", REG_EXTENDED);
	ok(regexec(&re, "b", 0, NULL, REG_NOTBOL) == REG_NOMATCH, "REG_NOTBOL");
	regfree(&re);
	return tap_done();
}
