// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line: kept as GRUB gave it, then parsed twice from copies (tokenizing
 * writes NULs into the string): early parameters first, then the rest. Unknown words go to
 * init, as on Linux.
 */
#include <kernel/cmdline.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

char boot_command_line[COMMAND_LINE_SIZE];
static char early_copy[COMMAND_LINE_SIZE];
static char late_copy[COMMAND_LINE_SIZE];
static char init_args_copy[COMMAND_LINE_SIZE]; /* the words after "--", init's arguments */
static char init_env_buf[COMMAND_LINE_SIZE];
static size_t init_env_used;
const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };

extern const struct kernel_param __start_kernel_params[], __stop_kernel_params[];

void setup_command_line(const char *cmdline)
{
	if (strscpy(boot_command_line, cmdline ? cmdline : "", COMMAND_LINE_SIZE) < 0)
		pr_warn("command line longer than %d bytes, truncated\n", COMMAND_LINE_SIZE - 1);
}

const struct kernel_param *find_kernel_param(const char *name)
{
	const struct kernel_param *p;

	for (p = __start_kernel_params; p < __stop_kernel_params; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static void apply(const struct kernel_param *p, const char *val)
{
	int err = p->set(val);

	if (err)
		pr_warn("Malformed kernel parameter %s%s%s (error %d), ignored\n", p->name,
			val ? "=" : "", val ? val : "", err);
}

static int do_early_param(char *param, char *val, void *unused)
{
	const struct kernel_param *p = find_kernel_param(param);

	if (p && p->early)
		apply(p, val);
	return 0;
}

static bool append(const char **vec, size_t max, const char *s)
{
	size_t i = 0;

	while (vec[i])
		i++;
	if (i >= max)
		return false;
	vec[i] = s;
	vec[i + 1] = NULL;
	return true;
}

static int do_kernel_param(char *param, char *val, void *unused)
{
	const struct kernel_param *p = find_kernel_param(param);

	if (p) {
		if (!p->early)
			apply(p, val);
		return 0;
	}
	pr_notice(
		"Unknown kernel command line parameter \"%s%s%s\", will be passed to user space.\n",
		param, val ? "=" : "", val ? val : "");
	if (val) {
		/* next_arg split "a=b" in place (and dropped quotes): rebuild the string. */
		char *env = init_env_buf + init_env_used;
		size_t n = snprintf(env, sizeof(init_env_buf) - init_env_used, "%s=%s", param, val);

		if (n >= sizeof(init_env_buf) - init_env_used ||
		    !append(envp_init, MAX_INIT_ENVS, env)) {
			pr_warn("too many environment variables for init, \"%s\" dropped\n", param);
			return 0;
		}
		init_env_used += n + 1;
	} else if (!append(argv_init, MAX_INIT_ARGS, param)) {
		pr_warn("too many arguments for init, \"%s\" dropped\n", param);
	}
	return 0;
}

void parse_early_params(void)
{
	strscpy(early_copy, boot_command_line, sizeof(early_copy));
	parse_args(early_copy, do_early_param, NULL);
}

/* Everything after "--" is init's, word for word, "a=b" included (as on Linux). */
static int do_init_arg(char *param, char *val, void *unused)
{
	char *arg = param;

	if (val && val[-1] == '\0')
		val[-1] = '='; /* next_arg cut "a=b" at the '=': join it again */
	if (!append(argv_init, MAX_INIT_ARGS, arg))
		pr_warn("too many arguments for init, \"%s\" dropped\n", arg);
	return 0;
}

/* The first "--" word outside quotes, or NULL. */
static char *find_dashdash(char *s)
{
	bool quoted = false;

	for (char *p = s; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (!quoted && p[0] == '-' && p[1] == '-' && (p == s || p[-1] == ' ') &&
		    (p[2] == ' ' || p[2] == '\0'))
			return p + 2;
	}
	return NULL;
}

void parse_kernel_params(void)
{
	char *rest;

	strscpy(late_copy, boot_command_line, sizeof(late_copy));
	parse_args(late_copy, do_kernel_param, NULL); /* stops at "--" */
	strscpy(init_args_copy, boot_command_line, sizeof(init_args_copy));
	rest = find_dashdash(init_args_copy);
	if (rest)
		parse_args(rest, do_init_arg, NULL);
}
