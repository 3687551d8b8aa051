/* stdlib.h: integers from strings, sorting, the environment, exit, temporary files. */
#include "libc.h"
#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The common part of the strto*l family: magnitude in *v, returns the end; neg, overflow. */
static const char *parse_uint(const char *s, int base, unsigned long long *v, int *neg, int *ovf,
			      int *ok)
{
	const char *p = s;
	*v = 0;
	*neg = *ovf = *ok = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		return s;
	}
	for (;; p++) {
		int d;
		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (isalpha((unsigned char)*p))
			d = (*p | 32) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		*ok = 1;
		if (__builtin_mul_overflow(*v, (unsigned)base, v) ||
		    __builtin_add_overflow(*v, (unsigned)d, v))
			*ovf = 1;
	}
	return *ok ? p : s;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	unsigned long long v;
	int neg, ovf, ok;
	const char *e = parse_uint(s, base, &v, &neg, &ovf, &ok);
	if (end)
		*end = (char *)e;
	if (ovf) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	unsigned long long v;
	int neg, ovf, ok;
	const char *e = parse_uint(s, base, &v, &neg, &ovf, &ok);
	if (end)
		*end = (char *)e;
	if (ovf || v > (unsigned long long)LLONG_MAX + neg) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)-v : (long long)v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, 0, 10);
}
long atol(const char *s)
{
	return strtol(s, 0, 10);
}
long long atoll(const char *s)
{
	return strtoll(s, 0, 10);
}
int abs(int x)
{
	return x < 0 ? -x : x;
}
long labs(long x)
{
	return x < 0 ? -x : x;
}
long long llabs(long long x)
{
	return x < 0 ? -x : x;
}
div_t div(int a, int b)
{
	return (div_t){ a / b, a % b };
}
ldiv_t ldiv(long a, long b)
{
	return (ldiv_t){ a / b, a % b };
}
lldiv_t lldiv(long long a, long long b)
{
	return (lldiv_t){ a / b, a % b };
}

static uint64_t rand_state = 1;

int rand_r(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (int)((*seed >> 1) & RAND_MAX);
}

int rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}

void srand(unsigned int seed)
{
	rand_state = seed - 1ULL;
}
long random(void)
{
	return rand();
}
void srandom(unsigned int seed)
{
	srand(seed);
}

/* qsort: an introsort-free merge sort would need memory; this is a heap sort for large arrays
 * and insertion sort for small ones: O(n log n) always, no allocation, not stable. */
static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void sift(char *base, size_t root, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void qsort(void *b, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *base = b;
	if (n < 2 || !size)
		return;
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && cmp(base + (j - 1) * size, base + j * size) > 0;
			     j--)
				swap(base + (j - 1) * size, base + j * size, size);
		return;
	}
	for (size_t i = n / 2; i-- > 0;)
		sift(base, i, n, size, cmp);
	for (size_t end = n - 1; end > 0; end--) {
		swap(base, base + end * size, size);
		sift(base, 0, end, size, cmp);
	}
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *b = base;
	while (n) {
		const char *mid = b + (n / 2) * size;
		int c = cmp(key, mid);
		if (!c)
			return (void *)mid;
		if (c > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return 0;
}

/* The environment. Strings setenv makes are ours to free; the others are the caller's. */
static char **own_env; /* environ once we have copied it */
static size_t env_cap;

static char **env_find(const char *name, size_t len)
{
	for (char **e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return e;
	return 0;
}

char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e = env_find(name, len);
	return e ? *e + len + 1 : 0;
}

char *secure_getenv(const char *name)
{
	return getauxval(AT_SECURE) ? 0 : getenv(name);
}

static int env_put(char *s, size_t namelen, int overwrite)
{
	char **e = env_find(s, namelen);
	if (e) {
		if (overwrite)
			*e = s;
		return 0;
	}
	size_t n = 0;
	while (environ && environ[n])
		n++;
	if (environ != own_env || n + 2 > env_cap) {
		size_t cap = (n + 2) * 2;
		char **ne = malloc(cap * sizeof(*ne));
		if (!ne)
			return -1;
		if (n)
			memcpy(ne, environ, n * sizeof(*ne));
		if (environ == own_env)
			free(own_env);
		own_env = environ = ne;
		env_cap = cap;
	}
	environ[n] = s;
	environ[n + 1] = 0;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t nl = strlen(name), vl = strlen(value);
	if (!nl || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	if (!overwrite && getenv(name))
		return 0;
	char *s = malloc(nl + vl + 2);
	if (!s)
		return -1;
	memcpy(s, name, nl);
	s[nl] = '=';
	memcpy(s + nl + 1, value, vl + 1);
	if (env_put(s, nl, 1) < 0) {
		free(s);
		return -1;
	}
	return 0; /* the old string is leaked: a caller may still hold getenv's pointer into it */
}

int putenv(char *s)
{
	char *eq = strchr(s, '=');
	if (!eq)
		return unsetenv(s);
	return env_put(s, (size_t)(eq - s), 1);
}

int unsetenv(const char *name)
{
	size_t len = strlen(name);
	if (!len || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	char **e;
	while ((e = env_find(name, len)))
		do
			e[0] = e[1];
		while (*e++);
	return 0;
}

int clearenv(void)
{
	if (environ == own_env)
		free(own_env);
	own_env = 0;
	env_cap = 0;
	environ = 0;
	return 0;
}

/* atexit handlers run last-registered first. */
#define ATEXIT_MAX 64
static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;
static volatile int exit_lock;

int atexit(void (*fn)(void))
{
	__lock(&exit_lock);
	if (nhandlers == ATEXIT_MAX) {
		__unlock(&exit_lock);
		return -1;
	}
	handlers[nhandlers++] = fn;
	__unlock(&exit_lock);
	return 0;
}

extern void (*__fini_array_start[])(void) __attribute__((weak, visibility("hidden")));
extern void (*__fini_array_end[])(void) __attribute__((weak, visibility("hidden")));

__noreturn void exit(int status)
{
	while (nhandlers > 0)
		handlers[--nhandlers]();
	size_t n = __fini_array_end - __fini_array_start;
	while (n--)
		__fini_array_start[n]();
	__stdio_exit();
	_exit(status);
}

__noreturn void abort(void)
{
	sigset_t s;
	raise(SIGABRT);
	/* blocked or handled and returned: take the default action for sure */
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigaction(SIGABRT, &sa, 0);
	sigemptyset(&s);
	sigaddset(&s, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &s, 0);
	raise(SIGABRT);
	_exit(127);
}

__noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	fprintf(stderr, "%s: %s:%d: %s: Assertion `%s' failed.\n",
		program_invocation_short_name ? program_invocation_short_name : "?", file, line,
		func, expr);
	abort();
}

static int fill_template(char *tmpl, size_t suffix)
{
	size_t l = strlen(tmpl);
	if (l < 6 + suffix || memcmp(tmpl + l - 6 - suffix, "XXXXXX", 6)) {
		errno = EINVAL;
		return -1;
	}
	char *x = tmpl + l - 6 - suffix;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	uint64_t r = (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)tmpl;
	static const char al[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	uint64_t extra;
	if (__sys(SYS_getrandom, &extra, sizeof(extra), 1) == sizeof(extra))
		r ^= extra;
	for (int i = 0; i < 6; i++) {
		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		x[i] = al[(r >> 33) % 62];
	}
	return 0;
}

int mkostemp(char *tmpl, int flags)
{
	for (int tries = 0; tries < 100; tries++) {
		if (fill_template(tmpl, 0) < 0)
			return -1;
		int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int mkstemp(char *tmpl)
{
	return mkostemp(tmpl, 0);
}

char *mkdtemp(char *tmpl)
{
	for (int tries = 0; tries < 100; tries++) {
		if (fill_template(tmpl, 0) < 0)
			return 0;
		if (!mkdir(tmpl, 0700))
			return tmpl;
		if (errno != EEXIST)
			return 0;
	}
	return 0;
}

/* realpath: walk the path a component at a time, following symbolic links (at most 40). */
char *realpath(const char *restrict path, char *restrict resolved)
{
	char out[PATH_MAX], rest[PATH_MAX], link[PATH_MAX];
	size_t ol = 0;
	int links = 0;

	if (!path) {
		errno = EINVAL;
		return 0;
	}
	if (!*path) {
		errno = ENOENT;
		return 0;
	}
	if (strlen(path) >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return 0;
	}
	strcpy(rest, path);
	if (rest[0] != '/') {
		if (!getcwd(out, sizeof(out)))
			return 0;
		ol = strlen(out);
		if (ol == 1)
			ol = 0;
	}
	char *p = rest;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		char *e = strchrnul(p, '/');
		size_t cl = (size_t)(e - p);
		if (cl == 1 && p[0] == '.') {
			p = e;
			continue;
		}
		if (cl == 2 && p[0] == '.' && p[1] == '.') {
			while (ol && out[--ol] != '/')
				;
			p = e;
			continue;
		}
		if (ol + 1 + cl >= PATH_MAX) {
			errno = ENAMETOOLONG;
			return 0;
		}
		out[ol] = '/';
		memcpy(out + ol + 1, p, cl);
		out[ol + 1 + cl] = 0;
		ssize_t ll = readlink(out, link, sizeof(link) - 1);
		if (ll < 0) {
			if (errno != EINVAL)
				return 0; /* missing, or not a directory on the way */
			ol += 1 + cl;
			p = e;
			continue;
		}
		if (++links > 40) {
			errno = ELOOP;
			return 0;
		}
		link[ll] = 0;
		size_t restl = strlen(e);
		if ((size_t)ll + restl + 1 >= PATH_MAX) {
			errno = ENAMETOOLONG;
			return 0;
		}
		memmove(rest + ll, e, restl + 1);
		memcpy(rest, link, (size_t)ll);
		p = rest;
		if (link[0] == '/')
			ol = 0;
	}
	if (!ol)
		out[ol++] = '/';
	out[ol] = 0;
	if (!resolved) {
		resolved = strdup(out);
		if (!resolved)
			return 0;
		return resolved;
	}
	return strcpy(resolved, out);
}

int system(const char *cmd)
{
	if (!cmd)
		return 1;
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid_t pid = fork();
	if (!pid) {
		sigaction(SIGINT, &oint, 0);
		sigaction(SIGQUIT, &oquit, 0);
		sigprocmask(SIG_SETMASK, &old, 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)0);
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &oint, 0);
	sigaction(SIGQUIT, &oquit, 0);
	sigprocmask(SIG_SETMASK, &old, 0);
	return status;
}
