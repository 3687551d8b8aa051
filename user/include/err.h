#ifndef _ERR_H
#define _ERR_H
#include <stdarg.h>
#include <bits/types.h>
__noreturn void err(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
__noreturn void errx(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__noreturn void verr(int status, const char *fmt, va_list ap);
__noreturn void verrx(int status, const char *fmt, va_list ap);
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);
#endif
