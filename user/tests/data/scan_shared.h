/* What t_scanf.c and gen_expected.c share: how each shape of case is scanned and summed up. */
#define SCAN_VARS int i1 = -99, i2 = -99, i3 = -99; double d = -99; long l = -99; \
	char s1[64] = "-", s2[64] = "-"; char c = '-'
#define SCAN_ARGS i1, i2, i3, d, l, s1, s2, c
#define SCAN_CALL(shape, in, fmt) SCAN_##shape(in, fmt)
#define SCAN_I1(in, fmt) sscanf(in, fmt, &i1)
#define SCAN_I2(in, fmt) sscanf(in, fmt, &i1, &i2)
#define SCAN_I3(in, fmt) sscanf(in, fmt, &i1, &i2, &i3)
#define SCAN_IN(in, fmt) sscanf(in, fmt, &i1, &i2)
#define SCAN_DBL(in, fmt) sscanf(in, fmt, &d)
#define SCAN_DBLSTR(in, fmt) sscanf(in, fmt, &d, s1)
#define SCAN_LNG(in, fmt) sscanf(in, fmt, &l)
#define SCAN_STR(in, fmt) sscanf(in, fmt, s1)
#define SCAN_STR2(in, fmt) sscanf(in, fmt, s1, s2)
#define SCAN_CHR(in, fmt) sscanf(in, fmt, &c)

static void scan_summary(char *buf, size_t n, int r, int i1, int i2, int i3, double d, long l,
			 const char *s1, const char *s2, char c)
{
	snprintf(buf, n, "r=%d i=%d,%d,%d d=%a l=%ld s=%s,%s c=%c", r, i1, i2, i3, d, l, s1, s2, c);
}
