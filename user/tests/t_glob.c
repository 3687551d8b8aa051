/* glob over a directory tree the test makes. */
#include "tap.h"
#include <fcntl.h>
#include <glob.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void touch(const char *p)
{
	close(open(p, O_CREAT | O_WRONLY, 0644));
}

static const char *join(const glob_t *g)
{
	static char buf[1024];
	buf[0] = 0;
	for (size_t i = 0; i < g->gl_pathc; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, g->gl_pathv[g->gl_offs + i]);
	}
	return buf;
}

int main(void)
{
	tap_plan(10);
	mkdir("g", 0755);
	mkdir("g/sub", 0755);
	mkdir("g/sub2", 0755);
	touch("g/b.c");
	touch("g/a.c");
	touch("g/c.h");
	touch("g/.hidden.c");
	touch("g/sub/x.c");
	touch("g/sub2/y.c");
	touch("g/sub2/z.txt");
	glob_t g;
	ok(glob("g/*.c", 0, NULL, &g) == 0, "glob g/*.c");
	tap_streq(join(&g), "g/a.c g/b.c", "sorted, and the dot file is left out");
	globfree(&g);
	ok(glob("g/*/*.c", 0, NULL, &g) == 0, "glob g/*/*.c");
	tap_streq(join(&g), "g/sub/x.c g/sub2/y.c", "through subdirectories");
	globfree(&g);
	glob("g/s*", GLOB_MARK, NULL, &g);
	tap_streq(join(&g), "g/sub/ g/sub2/", "GLOB_MARK adds a slash to directories");
	globfree(&g);
	ok(glob("g/*.none", 0, NULL, &g) == GLOB_NOMATCH, "no match: GLOB_NOMATCH");
	ok(glob("g/*.none", GLOB_NOCHECK, NULL, &g) == 0 && g.gl_pathc == 1 &&
		   !strcmp(g.gl_pathv[0], "g/*.none"),
	   "GLOB_NOCHECK returns the pattern");
	globfree(&g);
	glob("g/[ab].c", 0, NULL, &g);
	glob("g/*.h", GLOB_APPEND, NULL, &g);
	tap_streq(join(&g), "g/a.c g/b.c g/c.h", "GLOB_APPEND adds to the list");
	globfree(&g);
	glob("g/.*.c", 0, NULL, &g);
	tap_streq(join(&g), "g/.hidden.c", "a leading dot matches an explicit dot");
	globfree(&g);
	g.gl_offs = 2;
	glob("g/a.c", GLOB_DOOFFS, NULL, &g);
	ok(g.gl_pathv[0] == NULL && g.gl_pathv[1] == NULL && !strcmp(g.gl_pathv[2], "g/a.c"),
	   "GLOB_DOOFFS leaves empty slots first");
	globfree(&g);
	return tap_done();
}
