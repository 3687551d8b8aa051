// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: the first line names an interpreter and at most one argument (everything
 * after the name, spaces inside kept, trailing ones trimmed), parsed from the file's first
 * BINPRM_BUF_SIZE bytes as Linux parses them: a line longer than that is fine as long as the
 * interpreter's name ends within it (the argument is then cut short), and -ENOEXEC otherwise,
 * since running a truncated name would run the wrong program.
 *
 * The arguments become: the interpreter's name, the optional argument, the script's path
 * (in place of the caller's argv[0]), then the caller's argv[1..]. The interpreter is run
 * in turn (it may be a script itself: exec limits the depth, -ELOOP beyond).
 */
#include <kernel/binfmts.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static char *next_non_spacetab(char *first, const char *last)
{
	for (; first <= last; first++)
		if (!spacetab(*first))
			return first;
	return NULL;
}

static char *next_terminator(char *first, const char *last)
{
	for (; first <= last; first++)
		if (spacetab(*first) || !*first)
			return first;
	return NULL;
}

int load_script(struct linux_binprm *bprm)
{
	char buf[BINPRM_BUF_SIZE + 1];
	char *buf_end, *i_end, *i_name, *i_sep, *i_arg, *name;
	struct file *file;
	int err;

	if (bprm->buf_len < 2 || bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	/* The interpreter would be handed a /dev/fd/N name that is gone after the exec. */
	if (bprm->path_inaccessible)
		return -ENOENT;
	/* A copy, NUL-padded past what was read, so the parse never reads stale bytes. */
	memset(buf, 0, sizeof(buf));
	memcpy(buf, bprm->buf, bprm->buf_len);
	buf_end = buf + BINPRM_BUF_SIZE - 1;
	i_end = memchr(buf, '\n', BINPRM_BUF_SIZE);
	if (!i_end) {
		i_end = next_non_spacetab(buf + 2, buf_end);
		if (!i_end)
			return -ENOEXEC; /* nothing but spaces */
		/* No end to the name within the buffer: it may be cut short. */
		if (!next_terminator(i_end, buf_end))
			return -ENOEXEC;
		i_end = buf_end;
	}
	while (i_end > buf + 2 && spacetab(i_end[-1]))
		i_end--;
	i_name = next_non_spacetab(buf + 2, i_end);
	if (!i_name || i_name == i_end)
		return -ENOEXEC; /* no interpreter named */
	i_arg = NULL;
	i_sep = next_terminator(i_name, i_end);
	if (i_sep && i_sep < i_end && *i_sep)
		i_arg = next_non_spacetab(i_sep, i_end);
	if (i_arg == i_end)
		i_arg = NULL;
	*i_end = '\0';
	if (i_sep)
		*i_sep = '\0';

	/* In reverse, each in front: script path, argument, interpreter. */
	bprm_remove_arg_zero(bprm);
	err = bprm_prepend_arg(bprm, bprm->interp);
	if (!err && i_arg)
		err = bprm_prepend_arg(bprm, i_arg);
	if (!err)
		err = bprm_prepend_arg(bprm, i_name);
	if (err)
		return err;

	file = open_exec(i_name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	name = kmalloc(strlen(i_name) + 1, GFP_KERNEL);
	if (name)
		memcpy(name, i_name, strlen(i_name) + 1);
	if (!name) {
		fput(file);
		return -ENOMEM;
	}
	fput(bprm->file);
	bprm->file = file;
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	bprm->interp = name;
	return 0;
}
