/* Files and directories: stdio on real files, seeking, dirent, stat, realpath, mkstemp. */
#include "tap.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	tap_plan(25);
	FILE *f = fopen("f1.txt", "w");
	ok(f != NULL, "fopen for writing");
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %d\n", i);
	ok(fclose(f) == 0, "fclose");
	struct stat st;
	ok(stat("f1.txt", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 8890,
	   "stat sees 8890 bytes");

	f = fopen("f1.txt", "r");
	char line[64];
	int count = 0, good = 1;
	while (fgets(line, sizeof(line), f)) {
		char want[32];
		snprintf(want, sizeof(want), "line %d\n", count);
		if (strcmp(line, want))
			good = 0;
		count++;
	}
	ok(count == 1000 && good, "fgets reads the lines back");
	ok(feof(f) && !ferror(f), "feof at the end, no error");
	line[0] = 'x';
	ok(fgets(line, 1, f) == line && line[0] == 0, "fgets with room for the NUL only");
	ok(fseek(f, 7, SEEK_SET) == 0 && ftell(f) == 7, "fseek and ftell");
	ok(fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n"), "read after fseek");
	int c = fgetc(f);
	ok(c == 'l' && ungetc('L', f) == 'L' && fgetc(f) == 'L' && fgetc(f) == 'i', "ungetc");
	ok(fseek(f, -7, SEEK_END) == 0 && fgets(line, sizeof(line), f) && !strcmp(line, "ne 999\n"),
	   "fseek from the end");
	rewind(f);
	char *gl = NULL;
	size_t cap = 0;
	ssize_t n = getline(&gl, &cap, f);
	ok(n == 7 && !strcmp(gl, "line 0\n"), "getline");
	n = getdelim(&gl, &cap, ' ', f);
	ok(n == 5 && !strcmp(gl, "line "), "getdelim");
	free(gl);
	char big[10000];
	rewind(f);
	size_t got = fread(big, 1, sizeof(big), f);
	ok(got == 8890 && !memcmp(big, "line 0\nline 1\n", 14), "fread of the whole file");
	fclose(f);

	f = fopen("f2.bin", "w+");
	unsigned vals[3000];
	for (int i = 0; i < 3000; i++)
		vals[i] = (unsigned)i * 2654435761u;
	ok(fwrite(vals, sizeof(vals[0]), 3000, f) == 3000, "fwrite of 12000 bytes");
	fseek(f, 4 * 1500, SEEK_SET);
	unsigned v[2];
	ok(fread(v, 4, 2, f) == 2 && v[0] == vals[1500] && v[1] == vals[1501],
	   "fread after fseek in a w+ stream");
	fseek(f, 0, SEEK_SET);
	fputs("XY", f);
	fseek(f, 0, SEEK_SET);
	ok(fgetc(f) == 'X' && fgetc(f) == 'Y', "write then read back in one stream");
	fclose(f);

	f = fopen("f1.txt", "a");
	fputs("appended\n", f);
	fclose(f);
	stat("f1.txt", &st);
	ok(st.st_size == 8899, "mode a appends");
	errno = 0;
	ok(fopen("no/such/dir/file", "r") == NULL && errno == ENOENT,
	   "fopen of a missing path: ENOENT");

	/* a directory listing */
	mkdir("d", 0755);
	const char *names[] = { "c", "a", "b" };
	for (int i = 0; i < 3; i++) {
		char p[16];
		snprintf(p, sizeof(p), "d/%s", names[i]);
		close(open(p, O_CREAT | O_WRONLY, 0644));
	}
	mkdir("d/sub", 0755);
	DIR *d = opendir("d");
	char *seen[16];
	int ns = 0, subdir = 0;
	struct dirent *e;
	while (d && (e = readdir(d)) && ns < 16) {
		seen[ns++] = strdup(e->d_name);
		if (!strcmp(e->d_name, "sub") && e->d_type == DT_DIR)
			subdir = 1;
	}
	if (d)
		closedir(d);
	qsort(seen, (size_t)ns, sizeof(seen[0]), cmp);
	ok(ns == 6 && !strcmp(seen[0], ".") && !strcmp(seen[1], "..") && !strcmp(seen[2], "a") &&
		   !strcmp(seen[3], "b") && !strcmp(seen[4], "c") && !strcmp(seen[5], "sub"),
	   "readdir lists . .. a b c sub");
	ok(subdir, "d_type says sub is a directory");
	for (int i = 0; i < ns; i++)
		free(seen[i]);
	errno = 0;
	ok(opendir("d/a") == NULL && errno == ENOTDIR, "opendir of a file: ENOTDIR");

	char cwd[PATH_MAX], rp[PATH_MAX], want[PATH_MAX + 16];
	getcwd(cwd, sizeof(cwd));
	symlink("d/sub", "link");
	/* vmrun's commands run in /, where "/" + "/d/sub" would be "//d/sub" */
	snprintf(want, sizeof(want), "%s/d/sub", strcmp(cwd, "/") ? cwd : "");
	ok(realpath("link/../sub/./", rp) && !strcmp(rp, want),
	   "realpath follows a symlink and ..");
	errno = 0;
	ok(realpath("d/missing", rp) == NULL && errno == ENOENT,
	   "realpath of a missing file: ENOENT");

	char tmpl[] = "tmpXXXXXX";
	int fd = mkstemp(tmpl);
	ok(fd >= 0 && strncmp(tmpl, "tmp", 3) == 0 && strcmp(tmpl, "tmpXXXXXX") &&
		   access(tmpl, R_OK | W_OK) == 0,
	   "mkstemp makes a file");
	close(fd);
	unlink(tmpl);
	snprintf(want, sizeof(want), "%s/d", strcmp(cwd, "/") ? cwd : "");
	ok(chdir("d") == 0 && getcwd(rp, sizeof(rp)) && !strcmp(rp, want), "chdir and getcwd");
	chdir("..");
	return tap_done();
}
