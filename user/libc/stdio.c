/*
 * Buffered FILE streams. A stream's one buffer holds either read-ahead (rpos..rend) or pending
 * output (buf..wpos), never both. stdout is line-buffered when it is a terminal (TCGETS
 * succeeds), fully buffered otherwise; stderr is unbuffered. exit() flushes every stream.
 */
#include "libc.h"
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define F_READ 1
#define F_WRITE 2
#define F_EOF 4
#define F_ERR 8
#define F_LBF 16
#define F_NBF 32
#define F_BUFCHECKED 64
#define F_OWNBUF 128
#define F_STATIC 256

struct _FILE {
	int fd, flags;
	unsigned char *buf;
	size_t size;
	unsigned char *rpos, *rend, *wpos;
	pid_t pid;
	volatile int lock;
	struct _FILE *next, *prev;
	unsigned char ungot[8];
};

static unsigned char inbuf[BUFSIZ], outbuf[BUFSIZ];
static struct _FILE f_in = { .fd = 0, .flags = F_READ | F_STATIC, .buf = inbuf, .size = BUFSIZ };
static struct _FILE f_out = { .fd = 1, .flags = F_WRITE | F_STATIC, .buf = outbuf, .size = BUFSIZ };
static struct _FILE f_err = { .fd = 2, .flags = F_WRITE | F_NBF | F_STATIC | F_BUFCHECKED };
#undef stdin
#undef stdout
#undef stderr
FILE *const stdin = &f_in, *const stdout = &f_out, *const stderr = &f_err;

static FILE *open_files;
static volatile int list_lock;

static void link_file(FILE *f)
{
	__lock(&list_lock);
	f->next = open_files;
	if (open_files)
		open_files->prev = f;
	open_files = f;
	__unlock(&list_lock);
}

static void unlink_file(FILE *f)
{
	__lock(&list_lock);
	if (f->prev)
		f->prev->next = f->next;
	else if (open_files == f)
		open_files = f->next;
	if (f->next)
		f->next->prev = f->prev;
	__unlock(&list_lock);
}

static void check_buf(FILE *f)
{
	if (f->flags & F_BUFCHECKED)
		return;
	f->flags |= F_BUFCHECKED;
	if (!(f->flags & F_NBF) && f->fd >= 0 && isatty(f->fd))
		f->flags |= F_LBF;
	if (!f->buf && !(f->flags & F_NBF)) {
		f->buf = malloc(BUFSIZ);
		if (f->buf) {
			f->size = BUFSIZ;
			f->flags |= F_OWNBUF;
		} else {
			f->flags |= F_NBF;
		}
	}
}

static int write_all(FILE *f, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(f->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			f->flags |= F_ERR;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int flush_out(FILE *f)
{
	if (!f->wpos || f->wpos == f->buf)
		return 0;
	size_t n = (size_t)(f->wpos - f->buf);
	f->wpos = f->buf;
	return write_all(f, f->buf, n);
}

/* Leaving read mode: the read-ahead goes back to the file, by seeking. */
static void drop_input(FILE *f)
{
	if (f->rpos && f->rpos < f->rend)
		lseek(f->fd, f->rpos - f->rend, SEEK_CUR);
	f->rpos = f->rend = 0;
}

static int to_write(FILE *f)
{
	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return -1;
	}
	check_buf(f);
	if (f->rpos)
		drop_input(f);
	if (!f->wpos)
		f->wpos = f->buf;
	return 0;
}

static size_t fwrite_locked(const unsigned char *p, size_t n, FILE *f)
{
	if (!n)
		return 0;
	if (to_write(f))
		return 0;
	if (f->flags & F_NBF || !f->buf) {
		if (flush_out(f) || write_all(f, p, n))
			return 0;
		return n;
	}
	size_t room = f->size - (size_t)(f->wpos - f->buf);
	if (n > room) {
		if (flush_out(f))
			return 0;
		if (n >= f->size)
			return write_all(f, p, n) ? 0 : n;
	}
	memcpy(f->wpos, p, n);
	f->wpos += n;
	if ((f->flags & F_LBF) && memchr(p, '\n', n) && flush_out(f))
		return 0;
	if (f->wpos == f->buf + f->size && flush_out(f))
		return 0;
	return n;
}

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t total;
	if (__builtin_mul_overflow(size, n, &total) || !size)
		return 0;
	__lock(&f->lock);
	size_t w = fwrite_locked(p, total, f);
	__unlock(&f->lock);
	return w == total ? n : w / size;
}

int fflush(FILE *f)
{
	if (!f) {
		int r = fflush(stdout);
		r |= fflush(stderr);
		__lock(&list_lock);
		for (FILE *g = open_files; g; g = g->next)
			if (g->wpos && g->wpos != g->buf)
				r |= fflush(g);
		__unlock(&list_lock);
		return r;
	}
	__lock(&f->lock);
	int r = 0;
	if (f->wpos)
		r = flush_out(f);
	else if (f->rpos)
		drop_input(f);
	__unlock(&f->lock);
	return r ? EOF : 0;
}

hidden void __stdio_exit(void)
{
	fflush(0);
}

/* Fill the read-ahead; returns the first byte or EOF. */
static int refill(FILE *f)
{
	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	check_buf(f);
	if (f->wpos) {
		if (flush_out(f))
			return EOF;
		f->wpos = 0;
	}
	if (f == stdin || (f->flags & (F_LBF | F_NBF)))
		fflush(stdout);
	unsigned char one;
	unsigned char *b = f->buf ? f->buf : &one;
	size_t sz = f->buf ? f->size : 1;
	ssize_t r;
	do
		r = read(f->fd, b, sz);
	while (r < 0 && errno == EINTR);
	if (r <= 0) {
		f->flags |= r ? F_ERR : F_EOF;
		f->rpos = f->rend = 0;
		return EOF;
	}
	if (!f->buf)
		return one;
	f->rpos = b + 1;
	f->rend = b + r;
	return b[0];
}

int fgetc(FILE *f)
{
	__lock(&f->lock);
	int c = f->rpos && f->rpos < f->rend ? *f->rpos++ : refill(f);
	__unlock(&f->lock);
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	__lock(&f->lock);
	if (f->wpos) {
		flush_out(f);
		f->wpos = 0;
	}
	if (f->rpos && f->rpos > f->buf) {
		*--f->rpos = (unsigned char)c;
	} else if (!f->rpos) {
		/* nothing read ahead: a tiny buffer of its own holds the byte */
		check_buf(f);
		unsigned char *b = f->buf ? f->buf : f->ungot;
		b[0] = (unsigned char)c;
		f->rpos = b;
		f->rend = b + 1;
	} else {
		__unlock(&f->lock);
		return EOF;
	}
	f->flags &= ~F_EOF;
	__unlock(&f->lock);
	return (unsigned char)c;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;
	__lock(&f->lock);
	size_t w;
	if (f->wpos && f->wpos < f->buf + f->size - 1 && ch != '\n' && !(f->flags & F_NBF)) {
		*f->wpos++ = ch;
		w = 1;
	} else {
		w = fwrite_locked(&ch, 1, f);
	}
	__unlock(&f->lock);
	return w ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);
	return fwrite(s, 1, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
	__lock(&stdout->lock);
	size_t n = strlen(s);
	int r = fwrite_locked((const unsigned char *)s, n, stdout) == n &&
		fwrite_locked((const unsigned char *)"\n", 1, stdout) == 1;
	__unlock(&stdout->lock);
	return r ? 0 : EOF;
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t total, got = 0;
	unsigned char *d = p;
	if (__builtin_mul_overflow(size, n, &total) || !total)
		return 0;
	__lock(&f->lock);
	while (got < total) {
		if (f->rpos && f->rpos < f->rend) {
			size_t k = (size_t)(f->rend - f->rpos);
			if (k > total - got)
				k = total - got;
			memcpy(d + got, f->rpos, k);
			f->rpos += k;
			got += k;
			continue;
		}
		if (total - got >= f->size && f->buf && !f->wpos && (f->flags & F_READ)) {
			ssize_t r = read(f->fd, d + got, total - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				f->flags |= r ? F_ERR : F_EOF;
				break;
			}
			got += (size_t)r;
			continue;
		}
		int c = refill(f);
		if (c == EOF)
			break;
		d[got++] = (unsigned char)c;
	}
	__unlock(&f->lock);
	return got / size;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	int i = 0;
	if (n <= 0)
		return 0;
	if (n == 1) { /* room for the terminator only: an empty string, nothing read */
		s[0] = 0;
		return s;
	}
	__lock(&f->lock);
	while (i < n - 1) {
		if (f->rpos && f->rpos < f->rend) {
			size_t k = (size_t)(f->rend - f->rpos);
			if (k > (size_t)(n - 1 - i))
				k = (size_t)(n - 1 - i);
			unsigned char *nl = memchr(f->rpos, '\n', k);
			if (nl)
				k = (size_t)(nl - f->rpos) + 1;
			memcpy(s + i, f->rpos, k);
			f->rpos += k;
			i += (int)k;
			if (nl)
				break;
			continue;
		}
		int c = refill(f);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	__unlock(&f->lock);
	if (!i)
		return 0;
	s[i] = 0;
	return s;
}

ssize_t getdelim(char **restrict line, size_t *restrict n, int delim, FILE *restrict f)
{
	size_t len = 0;
	if (!line || !n) {
		errno = EINVAL;
		return -1;
	}
	if (!*line)
		*n = 0;
	for (;;) {
		int c = fgetc(f);
		if (c == EOF) {
			if (!len)
				return -1;
			break;
		}
		if (len + 2 > *n) {
			size_t nn = *n ? *n * 2 : 128;
			char *b = realloc(*line, nn);
			if (!b) {
				f->flags |= F_ERR;
				return -1;
			}
			*line = b;
			*n = nn;
		}
		(*line)[len++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[len] = 0;
	return (ssize_t)len;
}

ssize_t getline(char **restrict line, size_t *restrict n, FILE *restrict f)
{
	return getdelim(line, n, '\n', f);
}

static int parse_mode(const char *mode, int *sflags)
{
	int o;
	switch (*mode) {
	case 'r':
		o = O_RDONLY;
		*sflags = F_READ;
		break;
	case 'w':
		o = O_WRONLY | O_CREAT | O_TRUNC;
		*sflags = F_WRITE;
		break;
	case 'a':
		o = O_WRONLY | O_CREAT | O_APPEND;
		*sflags = F_WRITE;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (const char *m = mode + 1; *m; m++) {
		if (*m == '+') {
			o = (o & ~O_ACCMODE) | O_RDWR;
			*sflags = F_READ | F_WRITE;
		} else if (*m == 'e') {
			o |= O_CLOEXEC;
		} else if (*m == 'x') {
			o |= O_EXCL;
		}
	}
	return o;
}

static FILE *new_file(int fd, int sflags)
{
	FILE *f = calloc(1, sizeof(*f));
	if (!f)
		return 0;
	f->fd = fd;
	f->flags = sflags;
	link_file(f);
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int sflags, o = parse_mode(mode, &sflags);
	if (o < 0)
		return 0;
	int fd = open(path, o, 0666);
	if (fd < 0)
		return 0;
	FILE *f = new_file(fd, sflags);
	if (!f)
		close(fd);
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int sflags;
	if (parse_mode(mode, &sflags) < 0)
		return 0;
	if (fcntl(fd, F_GETFD) < 0)
		return 0;
	if (*mode == 'a')
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND);
	return new_file(fd, sflags);
}

FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f)
{
	int sflags, o = parse_mode(mode, &sflags);
	fflush(f);
	if (o < 0 || !path)
		return 0;
	int fd = open(path, o, 0666);
	if (fd < 0)
		return 0;
	if (dup2(fd, f->fd) < 0) {
		close(fd);
		return 0;
	}
	close(fd);
	f->flags = (f->flags & ~(F_READ | F_WRITE | F_EOF | F_ERR)) | sflags;
	f->rpos = f->rend = f->wpos = 0;
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);
	if (f->flags & F_STATIC) {
		r |= close(f->fd);
		f->fd = -1;
		return r ? EOF : 0;
	}
	unlink_file(f);
	r |= close(f->fd);
	if (f->flags & F_OWNBUF)
		free(f->buf);
	free(f);
	return r ? EOF : 0;
}

int fileno(FILE *f)
{
	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	return f->fd;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	f->flags &= ~(F_LBF | F_NBF);
	f->flags |= F_BUFCHECKED;
	if (mode == _IONBF) {
		f->flags |= F_NBF;
		return 0;
	}
	if (mode == _IOLBF)
		f->flags |= F_LBF;
	if (buf && size) {
		if (f->flags & F_OWNBUF)
			free(f->buf);
		f->flags &= ~F_OWNBUF;
		f->buf = (unsigned char *)buf;
		f->size = size;
	} else if (!f->buf) {
		f->flags &= ~F_BUFCHECKED;
		check_buf(f);
		f->flags &= ~(F_LBF | F_NBF);
		if (mode == _IOLBF)
			f->flags |= F_LBF;
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

off_t ftello(FILE *f)
{
	__lock(&f->lock);
	off_t pos = lseek(f->fd, 0, SEEK_CUR);
	if (pos >= 0) {
		if (f->rpos)
			pos -= f->rend - f->rpos;
		else if (f->wpos)
			pos += f->wpos - f->buf;
	}
	__unlock(&f->lock);
	return pos;
}

long ftell(FILE *f)
{
	return ftello(f);
}

int fseeko(FILE *f, off_t off, int whence)
{
	if (whence == SEEK_CUR) {
		off_t cur = ftello(f);
		if (cur < 0)
			return -1;
		off += cur;
		whence = SEEK_SET;
	}
	__lock(&f->lock);
	if (f->wpos && flush_out(f)) {
		__unlock(&f->lock);
		return -1;
	}
	f->wpos = 0;
	f->rpos = f->rend = 0;
	off_t r = lseek(f->fd, off, whence);
	if (r >= 0)
		f->flags &= ~F_EOF;
	__unlock(&f->lock);
	return r < 0 ? -1 : 0;
}

int fseek(FILE *f, long off, int whence)
{
	return fseeko(f, off, whence);
}

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos)
{
	off_t o = ftello(f);
	if (o < 0)
		return -1;
	*pos = o;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseeko(f, *pos, SEEK_SET);
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}
int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}
void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

void perror(const char *s)
{
	const char *m = strerror(errno);
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, m);
	else
		fprintf(stderr, "%s\n", m);
}

int remove(const char *path)
{
	int r = unlink(path);
	if (r && errno == EISDIR)
		r = rmdir(path);
	return r;
}

/* printf into streams. */
static void put_file(struct __out *o, const char *s, size_t n)
{
	fwrite_locked((const unsigned char *)s, n, o->ctx);
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct __out o = { .put = put_file, .ctx = f };
	__lock(&f->lock);
	int saved = f->flags & F_ERR;
	f->flags &= ~F_ERR;
	int r = __vformat(&o, fmt, ap);
	if (f->flags & F_ERR)
		r = -1;
	f->flags |= saved;
	__unlock(&f->lock);
	return r;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int vdprintf(int fd, const char *restrict fmt, va_list ap)
{
	unsigned char b[512];
	struct _FILE f = { .fd = fd, .flags = F_WRITE | F_BUFCHECKED, .buf = b, .size = sizeof(b) };
	int r = vfprintf(&f, fmt, ap);
	if (flush_out(&f))
		return -1;
	return r;
}

int dprintf(int fd, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}

FILE *popen(const char *cmd, const char *mode)
{
	int p[2], reading = *mode == 'r';
	if ((*mode != 'r' && *mode != 'w') || pipe2(p, O_CLOEXEC) < 0) {
		if (*mode != 'r' && *mode != 'w')
			errno = EINVAL;
		return 0;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return 0;
	}
	if (!pid) {
		int want = reading ? 1 : 0, have = reading ? p[1] : p[0];
		if (have != want) {
			dup2(have, want);
		} else {
			fcntl(have, F_SETFD, 0);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)0);
		_exit(127);
	}
	close(reading ? p[1] : p[0]);
	FILE *f = new_file(reading ? p[0] : p[1], reading ? F_READ : F_WRITE);
	if (!f) {
		close(reading ? p[0] : p[1]);
		return 0;
	}
	f->pid = pid;
	return f;
}

int pclose(FILE *f)
{
	pid_t pid = f->pid;
	int status;
	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

FILE *tmpfile(void)
{
	char path[] = "/tmp/tmpfileXXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	unlink(path);
	FILE *f = fdopen(fd, "w+");
	if (!f)
		close(fd);
	return f;
}
