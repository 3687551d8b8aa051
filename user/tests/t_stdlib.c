/* stdlib.h: integer parsing, sorting and searching, the environment, small helpers. */
#include "tap.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	tap_plan(27);
	char *end;
	ok(strtol("  -123xyz", &end, 10) == -123 && !strcmp(end, "xyz"),
	   "strtol with trailing text");
	ok(strtol("0x1F", NULL, 16) == 31 && strtol("0x1F", NULL, 0) == 31,
	   "strtol base 16 and 0x");
	ok(strtol("0777", NULL, 0) == 511 && strtol("z", NULL, 36) == 35,
	   "strtol octal and base 36");
	errno = 0;
	ok(strtol("99999999999999999999", NULL, 10) == LONG_MAX && errno == ERANGE,
	   "strtol overflow: LONG_MAX, ERANGE");
	errno = 0;
	ok(strtol("-99999999999999999999", NULL, 10) == LONG_MIN && errno == ERANGE,
	   "strtol underflow: LONG_MIN");
	ok(strtol("-9223372036854775808", NULL, 10) == LONG_MIN, "strtol of LONG_MIN exactly");
	ok(strtoul("18446744073709551615", NULL, 10) == ULONG_MAX, "strtoul of ULONG_MAX");
	ok(strtoul("-1", NULL, 10) == ULONG_MAX, "strtoul of -1 wraps");
	ok(strtol("abc", &end, 10) == 0 && !strcmp(end, "abc"),
	   "strtol with no digits leaves end at the start");
	ok(strtol("0x", &end, 16) == 0 && !strcmp(end, "x"), "strtol of 0x alone reads the 0");
	ok(strtoll("-42", NULL, 10) == -42 && strtoull("42", NULL, 10) == 42,
	   "strtoll and strtoull");
	ok(atoi("  17 ") == 17 && atol("-5") == -5 && atoll("123456789012") == 123456789012LL,
	   "atoi atol atoll");
	ok(abs(-3) == 3 && labs(-4L) == 4 && llabs(-5LL) == 5, "abs labs llabs");
	div_t dv = div(17, 5);
	ok(dv.quot == 3 && dv.rem == 2, "div");

	int arr[1000];
	for (int i = 0; i < 1000; i++)
		arr[i] = (i * 7919) % 1000 - 500;
	qsort(arr, 1000, sizeof(int), cmp_int);
	int sorted = 1;
	for (int i = 1; i < 1000; i++)
		if (arr[i - 1] > arr[i])
			sorted = 0;
	ok(sorted, "qsort of 1000 ints");
	int few[] = { 3, 1, 2 };
	qsort(few, 3, sizeof(int), cmp_int);
	ok(few[0] == 1 && few[1] == 2 && few[2] == 3, "qsort of 3 ints");
	int key = 123;
	int *hit = bsearch(&key, arr, 1000, sizeof(int), cmp_int);
	ok(hit && *hit == 123, "bsearch finds a present key");
	key = 5000;
	ok(bsearch(&key, arr, 1000, sizeof(int), cmp_int) == NULL, "bsearch misses an absent key");

	ok(setenv("MICA_TEST", "one", 1) == 0 && !strcmp(getenv("MICA_TEST"), "one"),
	   "setenv and getenv");
	ok(setenv("MICA_TEST", "two", 0) == 0 && !strcmp(getenv("MICA_TEST"), "one"),
	   "setenv without overwrite keeps the value");
	ok(setenv("MICA_TEST", "three", 1) == 0 && !strcmp(getenv("MICA_TEST"), "three"),
	   "setenv with overwrite");
	ok(unsetenv("MICA_TEST") == 0 && getenv("MICA_TEST") == NULL, "unsetenv");
	errno = 0;
	ok(setenv("A=B", "x", 1) == -1 && errno == EINVAL, "setenv of a name with '=': EINVAL");
	for (int i = 0; i < 200; i++) {
		char name[16], val[16];
		snprintf(name, sizeof(name), "V%d", i);
		snprintf(val, sizeof(val), "%d", i * i);
		setenv(name, val, 1);
	}
	ok(!strcmp(getenv("V0"), "0") && !strcmp(getenv("V199"), "39601"), "200 variables set");
	static char pe[] = "MICA_PUT=yes";
	ok(putenv(pe) == 0 && !strcmp(getenv("MICA_PUT"), "yes"), "putenv");
	ok(getenv("MICA_PUT_NOT") == NULL && getenv("MICA_P") == NULL,
	   "getenv does not match prefixes");
	srand(1);
	int r1 = rand();
	srand(1);
	ok(rand() == r1 && r1 >= 0 && r1 <= RAND_MAX, "rand repeats for a seed");
	return tap_done();
}
