// SPDX-License-Identifier: GPL-2.0
/*
 * vi's text buffer and undo history (user/vi/buffer.c) alone: edits by lines and by
 * characters, undo and redo over several commands, files in and out.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "vi.h"

/* The buffer as one string, lines joined by '|'. */
static const char *text(struct buffer *b)
{
	static char s[4096];
	size_t n = 0;

	s[0] = 0;
	for (int i = 0; i < b->nlines; i++) {
		size_t l = strlen(b->lines[i]);

		if (n + l + 2 >= sizeof(s))
			break;
		if (i)
			s[n++] = '|';
		memcpy(s + n, b->lines[i], l + 1);
		n += l;
	}
	return s;
}

static char *slurp(const char *path)
{
	static char s[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, s, sizeof(s) - 1) : -1;

	if (fd >= 0)
		close(fd);
	s[n > 0 ? n : 0] = 0;
	return s;
}

int main(void)
{
	struct buffer b;
	struct reg r = { 0 };
	struct pos cur = { 0, 0 }, end;
	long bytes = -1;
	int fd;

	tap_plan(27);
	buf_init(&b);
	tap_streq(text(&b), "", "a new buffer is one empty line");
	ok(b.nlines == 1 && !b.modified, "  ... and not modified");

	buf_begin(&b, cur);
	buf_insert_lines(&b, 0, (char *[]){ "one two", "three", "four five" }, 3);
	buf_delete_lines(&b, 3, 1);
	buf_end(&b);
	tap_streq(text(&b), "one two|three|four five", "insert lines, delete one");
	ok(b.modified, "  ... modified");

	buf_begin(&b, (struct pos){ 0, 4 });
	buf_delete_range(&b, (struct pos){ 0, 4 }, (struct pos){ 2, 5 });
	buf_end(&b);
	tap_streq(text(&b), "one five", "a character range across three lines deleted");

	ok(buf_undo(&b, &cur), "undo");
	tap_streq(text(&b), "one two|three|four five", "  ... brings the lines back");
	ok(cur.row == 0 && cur.col == 4, "  ... and the cursor where the command began");
	ok(buf_undo(&b, &cur), "a second undo");
	tap_streq(text(&b), "", "  ... back to the empty buffer");
	ok(!buf_undo(&b, &cur), "nothing more to undo");
	ok(buf_redo(&b, &cur) && buf_redo(&b, &cur), "redo twice");
	tap_streq(text(&b), "one five", "  ... the range deleted again");
	ok(!buf_redo(&b, &cur), "nothing more to redo");

	buf_undo(&b, &cur);
	buf_begin(&b, cur);
	for (int i = 0; i < 3; i++) /* typing: one line replaced keystroke by keystroke */
		end = buf_insert_text(&b, (struct pos){ 1, i }, (char *[]){ "x" }, 1);
	buf_end(&b);
	tap_streq(text(&b), "one two|xxxthree|four five", "three characters typed");
	ok(end.row == 1 && end.col == 3 && b.undo->n == 1, "  ... one change kept for them");
	ok(!buf_redo(&b, &cur), "a new change forgets what could be redone");
	buf_undo(&b, &cur);
	tap_streq(text(&b), "one two|three|four five", "  ... and one undo removes them");

	buf_copy_range(&b, (struct pos){ 0, 4 }, (struct pos){ 1, 2 }, &r);
	ok(r.n == 2 && !strcmp(r.lines[0], "two") && !strcmp(r.lines[1], "th") && !r.linewise,
	   "a charwise copy across a newline");
	end = buf_insert_text(&b, (struct pos){ 2, 5 }, r.lines, r.n);
	tap_streq(text(&b), "one two|three|four two|thfive", "  ... put back inside a line");
	ok(end.row == 3 && end.col == 2, "  ... ending where it should");
	reg_free(&r);

	buf_delete_lines(&b, 0, b.nlines);
	tap_streq(text(&b), "", "deleting every line leaves one empty line");

	fd = open("t_vibuf.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ok(fd >= 0 && write(fd, "a\n\tb\nno newline", 15) == 15, "a file without its last newline");
	close(fd);
	ok(buf_load(&b, "t_vibuf.txt", &bytes) == 0 && bytes == 15 && b.nlines == 3 &&
		   !b.modified && buf_save(&b, "t_vibuf.txt", &bytes) == 0 && bytes == 16 &&
		   !strcmp(slurp("t_vibuf.txt"), "a\n\tb\nno newline\n"),
	   "  ... loads as 3 lines and is saved with it");
	buf_delete_lines(&b, 0, 3);
	ok(buf_save(&b, "t_vibuf.txt", &bytes) == 0 && bytes == 0 && !slurp("t_vibuf.txt")[0] &&
		   buf_load(&b, "nope/none", &bytes) < 0,
	   "an empty buffer writes an empty file; a missing file is an error");
	fd = open("t_vibuf.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ok(fd >= 0 && write(fd, "\n", 1) == 1 && buf_load(&b, "t_vibuf.txt", &bytes) == 0 &&
		   b.nlines == 1 && buf_save(&b, "t_vibuf.txt", &bytes) == 0 && bytes == 1,
	   "a file of one empty line stays one");
	close(fd);
	buf_begin(&b, cur);
	buf_delete_lines(&b, 0, 1);
	buf_end(&b);
	buf_undo(&b, &cur);
	ok(buf_save(&b, "t_vibuf.txt", &bytes) == 0 && bytes == 1,
	   "  ... also after its deletion is undone");
	unlink("t_vibuf.txt");
	buf_free(&b);
	return tap_done();
}
