/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vi: the editor's shared declarations. buffer.c is the text and its undo history (no
 * terminal, no globals: t_vibuf tests it alone); screen.c draws; normal.c is normal and
 * insert mode; ex.c the command line; main.c start-up, the terminal and the key reader.
 */
#ifndef VI_H
#define VI_H

#include <stddef.h>

struct pos {
	int row, col;
};

/*
 * One change: lines [at, at + nins) of the buffer replaced lines that are kept in del
 * (ndel of them). Undoing it swaps them back, which gives the change that redoes it.
 */
struct change {
	int at, nins, ndel;
	char **del;
};

/* What one command did, undone or redone as one. */
struct undo_group {
	struct change *ch;
	int n, cap;
	struct pos cur; /* the cursor before the command */
	int no_lines; /* the buffer's no_lines before it */
	struct undo_group *next;
};

/* The text: always at least one line; each line a malloc'ed string without its newline. */
struct buffer {
	char **lines;
	int nlines, cap;
	int modified;
	int no_lines; /* no text at all (new, or every line deleted): an empty file */
	struct undo_group *undo, *redo; /* stacks, newest first */
	struct undo_group *open; /* the command in progress, or NULL */
};

/* A register: text as lines; charwise text starts and ends inside lines. */
struct reg {
	char **lines;
	int n;
	int linewise;
};

extern void (*vi_fatal_hook)(void);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

void buf_init(struct buffer *b);
void buf_free(struct buffer *b);
int buf_load(struct buffer *b, const char *path, long *bytes);
int buf_save(struct buffer *b, const char *path, long *bytes);
int buf_len(const struct buffer *b, int row);
void buf_replace(struct buffer *b, int at, int ndel, char **ins, int nins);
void buf_set_line(struct buffer *b, int row, char *s);
void buf_insert_lines(struct buffer *b, int at, char *const *lines, int n);
void buf_delete_lines(struct buffer *b, int at, int n);
void buf_delete_range(struct buffer *b, struct pos a, struct pos e);
void buf_copy_range(const struct buffer *b, struct pos a, struct pos e, struct reg *r);
struct pos buf_insert_text(struct buffer *b, struct pos at, char *const *lines, int n);
void buf_begin(struct buffer *b, struct pos cur);
void buf_end(struct buffer *b);
int buf_undo(struct buffer *b, struct pos *cur);
int buf_redo(struct buffer *b, struct pos *cur);
void reg_free(struct reg *r);

/* main.c: the terminal and keys */
enum {
	K_UP = 0x100,
	K_DOWN,
	K_LEFT,
	K_RIGHT,
	K_HOME,
	K_END,
	K_DEL,
	K_PGUP,
	K_PGDN,
	K_WINCH, /* the window changed size: redraw */
};
#undef CTRL /* <sys/ttydefaults.h> has one too */
#define CTRL(c) ((c)&0x1f)
#define ESC 0x1b

int getkey(void);
extern int rec_on, rec_len;
extern char rec_buf[512];
void push_keys(const char *s, size_t n);
void term_write(const char *s, size_t n);
void term_size(void);
void term_restore(void);
void term_raw(void);

/* The editor's state, shared by the modes. */
struct editor {
	struct buffer buf;
	char *name; /* the file's name, or NULL */
	struct pos cur;
	int want; /* the display column vertical motions aim for; INT_MAX for $ */
	int top; /* the first line on screen */
	int rows, cols;
	int insert; /* in insert mode (for the status line) */
	char msg[256];
	int msg_error;
	struct reg reg;
	char *last_search;
	int search_back;
	char *last_rep; /* :s's last replacement */
	char dot[512]; /* the keys of the last change, for . */
	int ndot;
	int quit;
	int redraw_all;
};

extern struct editor ed;

void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void emsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* screen.c */
void screen_draw(void);
void screen_scroll_to_cursor(void);
int screen_line_rows(int row);
int disp_col(const char *s, int col);
int col_from_disp(const char *s, int want);
void screen_prompt(const char *prompt, const char *text);
void screen_invalidate(void);

/* normal.c */
void normal_command(void);
void clamp_cursor(void);
int first_nonblank(int row);
int search(const char *pat, int back, int count);

/* ex.c */
void ex_command(const char *cmd);
int ex_edit(const char *name);
int read_line(const char *prompt, char *out, size_t size);

#endif
