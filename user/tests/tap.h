/* A tiny TAP producer for the user test programs; builds with our libc and with musl. */
#ifndef TAP_H
#define TAP_H
#include <stdio.h>

void tap_plan(int n);
int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Strings equal; on failure prints both as TAP diagnostics. */
int tap_streq(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A case that cannot run here: counted, reported as TAP's SKIP with the reason. */
void tap_skip(const char *name, const char *why);
int tap_done(void); /* the exit status: 0 if every case passed and the plan was met */

#define ok(cond, ...) tap_ok(!!(cond), __VA_ARGS__)
#endif
