/* string.h, strings.h, ctype.h edge cases. */
#include "tap.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#pragma GCC diagnostic ignored "-Wstringop-truncation"
#pragma GCC diagnostic ignored "-Wstringop-overflow"

int main(void)
{
	char buf[128];
	tap_plan(39);
	ok(strlen("") == 0 && strlen("abc") == 3, "strlen");
	char al[64];
	int good = 1;
	for (int off = 0; off < 16; off++)
		for (int l = 0; l < 40; l++) {
			memset(al, 'x', sizeof(al));
			al[off + l] = 0;
			if (strlen(al + off) != (size_t)l)
				good = 0;
		}
	ok(good, "strlen at every alignment and length");
	ok(strnlen("abcdef", 3) == 3 && strnlen("ab", 10) == 2, "strnlen");
	ok(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("", "") == 0, "strcmp");
	ok(strcmp("\xff", "a") > 0, "strcmp compares as unsigned char");
	ok(strncmp("abcx", "abcy", 3) == 0 && strncmp("ab", "abc", 5) < 0, "strncmp");
	ok(strcasecmp("HeLLo", "hello") == 0 && strncasecmp("ABx", "aby", 2) == 0, "strcasecmp");
	ok(memcmp("ab\0c", "ab\0d", 4) < 0 && memcmp("a", "b", 0) == 0, "memcmp past a NUL");
	strcpy(buf, "hello");
	ok(!strcmp(buf, "hello"), "strcpy");
	strcat(buf, ", world");
	ok(!strcmp(buf, "hello, world"), "strcat");
	strncat(buf, "!!!", 1);
	ok(!strcmp(buf, "hello, world!"), "strncat");
	memset(buf, 'z', 10);
	strncpy(buf, "ab", 5);
	ok(buf[0] == 'a' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'z', "strncpy pads with NULs");
	strncpy(buf, "abcdef", 3);
	ok(buf[2] == 'c' && buf[3] == 0, "strncpy does not terminate a long source");
	ok(stpcpy(buf, "xyz") == buf + 3, "stpcpy returns the end");
	ok(strchr("hello", 'l') - (char *)"hello" >= 0 && *strchr("hello", 'l') == 'l', "strchr");
	const char *h = "hello";
	ok(strchr(h, 0) == h + 5 && strchr(h, 'z') == NULL, "strchr of NUL and of a missing byte");
	ok(strrchr(h, 'l') == h + 3 && strrchr(h, 0) == h + 5, "strrchr");
	ok(strstr(h, "ll") == h + 2 && strstr(h, "") == h && strstr(h, "lo!") == NULL, "strstr");
	ok(strspn("aabbc", "ab") == 4 && strcspn("abc;d", ";") == 3, "strspn and strcspn");
	ok(strpbrk("hello", "xol") == h + 2, "strpbrk");
	memcpy(buf, "0123456789", 11);
	memmove(buf + 2, buf, 5);
	ok(!memcmp(buf, "0101234789", 10), "memmove forward overlap");
	memcpy(buf, "0123456789", 11);
	memmove(buf, buf + 3, 5);
	ok(!memcmp(buf, "3456756789", 10), "memmove backward overlap");
	memset(buf, 0x5a, 100);
	good = 1;
	for (int i = 0; i < 100; i++)
		if ((unsigned char)buf[i] != 0x5a)
			good = 0;
	ok(good, "memset");
	ok(memchr("abc", 'c', 3) != NULL && memchr("abc", 'c', 2) == NULL, "memchr");
	strcpy(buf, "a,b,,c");
	char *save, *t1 = strtok_r(buf, ",", &save), *t2 = strtok_r(NULL, ",", &save),
		    *t3 = strtok_r(NULL, ",", &save), *t4 = strtok_r(NULL, ",", &save);
	ok(t1 && t2 && t3 && !strcmp(t1, "a") && !strcmp(t2, "b") && !strcmp(t3, "c") && !t4,
	   "strtok_r skips empty fields");
	strcpy(buf, "a,b,,c");
	char *sp = buf, *f[5];
	int nf = 0;
	while ((f[nf] = strsep(&sp, ",")) && nf < 4)
		nf++;
	ok(nf == 4 && !strcmp(f[2], "") && !strcmp(f[3], "c"), "strsep keeps empty fields");
	char *d = strdup("dup me");
	ok(d && !strcmp(d, "dup me"), "strdup");
	free(d);
	d = strndup("dup me", 3);
	ok(d && !strcmp(d, "dup"), "strndup");
	free(d);
	ok(isalpha('a') && !isalpha('1') && isdigit('7') && !isdigit('a'), "isalpha isdigit");
	ok(isspace(' ') && isspace('\n') && isspace('\v') && !isspace('x'), "isspace");
	ok(isxdigit('F') && isxdigit('a') && !isxdigit('g'), "isxdigit");
	ok(toupper('a') == 'A' && tolower('Z') == 'z' && toupper('1') == '1', "toupper tolower");
	ok(ispunct('!') && !ispunct('a') && isprint(' ') && !isprint('\t'), "ispunct isprint");
	ok(iscntrl(0) && iscntrl(127) && !iscntrl('a') && isgraph('a') && !isgraph(' '),
	   "iscntrl isgraph");
	ok(!isalpha(EOF) && !isdigit(EOF) && !isspace(EOF), "EOF is in no class");
	ok(!strcmp(strerror(2), "No such file or directory"), "strerror(ENOENT)");
	ok(!strcmp(strerror(22), "Invalid argument"), "strerror(EINVAL)");
	ok(!strcmp(strerror(13), "Permission denied"), "strerror(EACCES)");
	ok(strerror(123456) && *strerror(123456), "strerror of an unknown number is a message");
	return tap_done();
}
