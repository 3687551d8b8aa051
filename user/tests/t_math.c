/* math.h basics. */
#include "tap.h"
#include <math.h>

static int near(double a, double b)
{
	return fabs(a - b) <= 1e-15 * fabs(b) + 1e-300;
}

int main(void)
{
	tap_plan(18);
	ok(fabs(-2.5) == 2.5 && fabs(2.5) == 2.5, "fabs");
	ok(floor(2.7) == 2 && floor(-2.2) == -3 && floor(5.0) == 5 && floor(-0.5) == -1, "floor");
	ok(ceil(2.2) == 3 && ceil(-2.7) == -2 && ceil(1e300) == 1e300, "ceil");
	ok(trunc(-2.7) == -2 && round(2.5) == 3 && round(-2.5) == -3, "trunc and round");
	ok(sqrt(2.0) == 1.4142135623730951 && sqrt(16.0) == 4.0, "sqrt is exact to the ulp");
	ok(fmod(10.0, 3.0) == 1.0 && fmod(-10.0, 3.0) == -1.0 && fmod(5.5, 2.0) == 1.5, "fmod");
	ok(pow(2.0, 10.0) == 1024.0 && pow(2.0, -1.0) == 0.5 && pow(-2.0, 3.0) == -8.0,
	   "pow of integer powers");
	ok(near(pow(2.0, 0.5), 1.4142135623730951) && near(pow(10.0, 2.5), 316.22776601683796),
	   "pow of fractional powers");
	ok(pow(0.0, 0.0) == 1.0 && isinf(pow(0.0, -1.0)) && isnan(pow(-8.0, 1.0 / 3.0)),
	   "pow's special cases");
	ok(near(log(M_E), 1.0) && log(1.0) == 0.0 && isinf(log(0.0)), "log");
	ok(near(exp(1.0), M_E) && exp(0.0) == 1.0 && near(exp(-1.0), 0.36787944117144233), "exp");
	ok(near(log10(1000.0), 3.0) && near(log2(8.0), 3.0), "log10 and log2");
	double ip;
	ok(modf(3.75, &ip) == 0.75 && ip == 3.0 && modf(-3.75, &ip) == -0.75 && ip == -3.0, "modf");
	int e;
	ok(frexp(8.0, &e) == 0.5 && e == 4 && frexp(0.0, &e) == 0.0 && e == 0, "frexp");
	ok(frexp(5e-324, &e) == 0.5 && e == -1073, "frexp of the smallest subnormal");
	ok(ldexp(0.5, 4) == 8.0 && ldexp(1.0, -1074) == 5e-324 && isinf(ldexp(1.0, 1024)), "ldexp");
	ok(near(sin(M_PI / 6), 0.5) && near(cos(0.0), 1.0) && near(atan2(1.0, 1.0), M_PI / 4),
	   "sin cos atan2");
	ok(isnan(NAN) && isinf(INFINITY) && !isfinite(INFINITY) && isfinite(1.0),
	   "classification macros");
	return tap_done();
}
