// SPDX-License-Identifier: GPL-2.0
/* Prints what the kernel's start-up stack gave: argv, envp and the auxiliary vector. */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	static const struct {
		unsigned long type;
		const char *name;
	} keys[] = {
		{ AT_PHDR, "AT_PHDR" },	    { AT_PHENT, "AT_PHENT" },
		{ AT_PHNUM, "AT_PHNUM" },   { AT_PAGESZ, "AT_PAGESZ" },
		{ AT_ENTRY, "AT_ENTRY" },   { AT_UID, "AT_UID" },
		{ AT_EUID, "AT_EUID" },	    { AT_GID, "AT_GID" },
		{ AT_EGID, "AT_EGID" },	    { AT_SECURE, "AT_SECURE" },
		{ AT_CLKTCK, "AT_CLKTCK" }, { AT_RANDOM, "AT_RANDOM" },
		{ AT_EXECFN, "AT_EXECFN" }, { AT_PLATFORM, "AT_PLATFORM" },
	};

	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	printf("argv[argc]=%s\n", argv[argc] ? "non-NULL" : "NULL");
	for (char **e = environ; *e; e++)
		printf("env %s\n", *e);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		unsigned long v = getauxval(keys[i].type);

		if (keys[i].type == AT_EXECFN || keys[i].type == AT_PLATFORM)
			printf("%s=%s\n", keys[i].name, v ? (const char *)v : "(none)");
		else if (keys[i].type == AT_PHDR || keys[i].type == AT_ENTRY ||
			 keys[i].type == AT_RANDOM)
			printf("%s=%s\n", keys[i].name, v ? "present" : "absent");
		else
			printf("%s=%lu\n", keys[i].name, v);
	}
	printf("pid=%d ppid=%d\n", (int)getpid(), (int)getppid());
	return 0;
}
