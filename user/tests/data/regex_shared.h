/* What t_regex.c and gen_expected.c share: run one regex case and sum it up. */
#define E REG_EXTENDED
#define I REG_ICASE
#define N REG_NEWLINE

static void regex_summary(char *buf, size_t n, int flags, const char *pat, const char *str)
{
	regex_t re;
	regmatch_t m[3];
	int c = regcomp(&re, pat, flags);
	if (c) {
		snprintf(buf, n, "compile error %d", c);
		return;
	}
	int r = regexec(&re, str, 3, m, 0);
	if (r)
		snprintf(buf, n, "no match (%d) nsub=%d", r, (int)re.re_nsub);
	else
		snprintf(buf, n, "nsub=%d m0=%d,%d m1=%d,%d m2=%d,%d", (int)re.re_nsub,
			 (int)m[0].rm_so, (int)m[0].rm_eo, re.re_nsub >= 1 ? (int)m[1].rm_so : -9,
			 re.re_nsub >= 1 ? (int)m[1].rm_eo : -9,
			 re.re_nsub >= 2 ? (int)m[2].rm_so : -9,
			 re.re_nsub >= 2 ? (int)m[2].rm_eo : -9);
	regfree(&re);
}
