/*
 * exec and the start-up state: the auxiliary vector (Linux's entries in Linux's order,
 * AT_RANDOM's 16 bytes), the vDSO (its symbols, versioned LINUX_2.6, agreeing with the
 * system calls), address-space randomisation and personality(ADDR_NO_RANDOMIZE), "#!"
 * scripts, PT_INTERP, execveat, and exec's errors (E2BIG, EACCES, ENOEXEC, ELOOP, ENOENT).
 *
 * Programs it runs: itself in a reporting mode (by argv[0], a full path, as the runners
 * start it), showargs and auxv_interp, found beside it (the VM's /bin) or in ../bin (the
 * build tree on the host). Files go to /tmp.
 */
#include "tap.h"
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#ifndef AT_HWCAP2
#define AT_HWCAP2 26
#endif
#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef AT_SYMLINK_NOFOLLOW
#define AT_SYMLINK_NOFOLLOW 0x100
#endif
#define ADDR_NO_RANDOMIZE 0x0040000

extern char **environ;

static char self[512], showargs[512], interp[512];
static unsigned long *start_auxv;

/* ---- helpers ------------------------------------------------------------------------ */

static int find_beside(const char *name, char *out, size_t len)
{
	const char *slash = strrchr(self, '/');
	int dir = slash ? (int)(slash - self) : 0;

	snprintf(out, len, "%.*s/%s", dir, self, name);
	if (access(out, X_OK) == 0)
		return 0;
	snprintf(out, len, "%.*s/../bin/%s", dir, self, name);
	return access(out, X_OK);
}

/*
 * Runs path (by execveat(fd, path, flags) when fd != -1, else execve) in a child with
 * personality pers (~0: unchanged), its stdout into out; the exit status (0-255), or
 * 1000 + errno when the exec itself failed.
 */
static int run(int fd, const char *path, int flags, char *const argv[], unsigned long pers,
	       char *out, size_t outlen)
{
	int o[2], e[2], status, err = 0;
	size_t got = 0;
	pid_t pid;

	if (pipe(o) || pipe2(e, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(o[1], 1);
		close(o[0]);
		close(e[0]);
		if (pers != ~0UL)
			syscall(SYS_personality, pers);
		if (fd != -1)
			syscall(SYS_execveat, fd, path, argv, environ, flags);
		else
			execve(path, argv, environ);
		err = errno;
		if (write(e[1], &err, sizeof(err)) < 0)
			_exit(126);
		_exit(127);
	}
	close(o[1]);
	close(e[1]);
	for (;;) {
		ssize_t n = read(o[0], out + got, outlen - 1 - got);

		if (n <= 0)
			break;
		got += n;
		if (got == outlen - 1)
			break;
	}
	out[got] = '\0';
	if (read(e[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(o[0]);
	close(e[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (err)
		return 1000 + err;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 500 + WTERMSIG(status);
}

static int write_file(const char *path, const void *buf, size_t len, mode_t mode)
{
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	if (write(fd, buf, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static int write_str(const char *path, const char *s, mode_t mode)
{
	return write_file(path, s, strlen(s), mode);
}

/* ---- the reporting child ------------------------------------------------------------ */

/* One line of where things landed, and AT_RANDOM's bytes, for the ASLR cases. */
static int report_layout(void)
{
	const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
	void *m = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int local;

	printf("%lx %lx %lx %lx %lx %lx ", (unsigned long)&report_layout, (unsigned long)&local,
	       getauxval(AT_SYSINFO_EHDR), (unsigned long)m, (unsigned long)syscall(SYS_brk, 0),
	       (unsigned long)syscall(SYS_personality, 0xffffffffUL));
	for (int i = 0; i < 16; i++)
		printf("%02x", r ? r[i] : 0);
	printf("\n");
	return 0;
}

/* ---- auxv --------------------------------------------------------------------------- */

static unsigned long aux(unsigned long type)
{
	for (unsigned long *a = start_auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

static void test_auxv(void)
{
	static const unsigned long order[] = {
		AT_SYSINFO_EHDR, AT_MINSIGSTKSZ, AT_HWCAP,   AT_PAGESZ, AT_CLKTCK, AT_PHDR,
		AT_PHENT,	 AT_PHNUM,	 AT_BASE,    AT_FLAGS,	AT_ENTRY,  AT_UID,
		AT_EUID,	 AT_GID,	 AT_EGID,    AT_SECURE, AT_RANDOM, AT_HWCAP2,
		AT_EXECFN,	 AT_PLATFORM,
	};
	size_t next = 0;
	int in_order = 1;
	unsigned int a, b, c, d;

	for (unsigned long *p = start_auxv; p[0] != AT_NULL; p += 2) {
		size_t i;

		for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
			if (order[i] == p[0])
				break;
		if (i == sizeof(order) / sizeof(order[0]))
			continue; /* an entry of a newer kernel: not ours to place */
		if (i != next)
			in_order = 0;
		next = i + 1;
	}
	ok(in_order && next == sizeof(order) / sizeof(order[0]),
	   "auxv has Linux's entries in Linux's order");
	ok(aux(AT_PAGESZ) == 4096 && aux(AT_PHENT) == sizeof(Elf64_Phdr) && aux(AT_CLKTCK) == 100,
	   "AT_PAGESZ, AT_PHENT, AT_CLKTCK");
	ok(aux(AT_BASE) == 0 && aux(AT_FLAGS) == 0 && aux(AT_SECURE) == 0,
	   "AT_BASE, AT_FLAGS, AT_SECURE are 0 for a static program");
	ok(aux(AT_UID) == getuid() && aux(AT_EUID) == geteuid() && aux(AT_GID) == getgid() &&
		   aux(AT_EGID) == getegid(),
	   "AT_UID, AT_EUID, AT_GID, AT_EGID");
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "0"(1), "2"(0));
	ok(aux(AT_HWCAP) == d, "AT_HWCAP is CPUID.1:EDX");
	ok((aux(AT_HWCAP2) & ~3UL) == 0, "AT_HWCAP2 holds only known bits");
	ok(aux(AT_MINSIGSTKSZ) >= 512 && aux(AT_MINSIGSTKSZ) % 16 == 0,
	   "AT_MINSIGSTKSZ is a plausible frame size");
	tap_streq((const char *)aux(AT_PLATFORM), "x86_64", "AT_PLATFORM");
	tap_streq((const char *)aux(AT_EXECFN), self, "AT_EXECFN is the path exec was given");

	const Elf64_Phdr *ph = (const Elf64_Phdr *)aux(AT_PHDR);
	int has_load = 0, entry_in_load = 0;
	unsigned long bias = 0;

	for (unsigned long i = 0; i < aux(AT_PHNUM); i++)
		if (ph[i].p_type == PT_PHDR)
			bias = (unsigned long)ph - ph[i].p_vaddr;
	if (!bias) /* no PT_PHDR: the headers follow the ELF header in the first page */
		for (unsigned long i = 0; i < aux(AT_PHNUM); i++)
			if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0) {
				bias = ((unsigned long)ph & ~4095UL) - ph[i].p_vaddr;
				break;
			}
	for (unsigned long i = 0; i < aux(AT_PHNUM); i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		has_load = 1;
		if (aux(AT_ENTRY) >= bias + ph[i].p_vaddr &&
		    aux(AT_ENTRY) < bias + ph[i].p_vaddr + ph[i].p_memsz)
			entry_in_load = 1;
	}
	ok(has_load && entry_in_load, "AT_PHDR/AT_PHNUM are our headers; AT_ENTRY is in a PT_LOAD");

	const unsigned char *r = (const unsigned char *)aux(AT_RANDOM);
	int nonzero = 0;
	for (int i = 0; r && i < 16; i++)
		nonzero |= r[i];
	ok(r && nonzero, "AT_RANDOM points at 16 bytes, not all zero");
}

/* ---- the vDSO ----------------------------------------------------------------------- */

struct vdso {
	const Elf64_Sym *sym;
	const char *str;
	const Elf64_Half *versym;
	const Elf64_Verdef *verdef;
	unsigned long bias, nsym;
};

static int vdso_open(struct vdso *v)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)getauxval(AT_SYSINFO_EHDR);
	const Elf64_Phdr *ph;
	const Elf64_Dyn *dyn = 0;
	const uint32_t *hash = 0;

	memset(v, 0, sizeof(*v));
	if (!eh || memcmp(eh->e_ident, "\177ELF", 4) || eh->e_type != ET_DYN)
		return -1;
	ph = (const Elf64_Phdr *)((const char *)eh + eh->e_phoff);
	v->bias = ~0UL;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && v->bias == ~0UL)
			v->bias = (unsigned long)eh + ph[i].p_offset - ph[i].p_vaddr;
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf64_Dyn *)((const char *)eh + ph[i].p_offset);
	}
	if (v->bias == ~0UL || !dyn)
		return -1;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		unsigned long p = v->bias + dyn->d_un.d_ptr;

		if (dyn->d_tag == DT_SYMTAB)
			v->sym = (const Elf64_Sym *)p;
		else if (dyn->d_tag == DT_STRTAB)
			v->str = (const char *)p;
		else if (dyn->d_tag == DT_HASH)
			hash = (const uint32_t *)p;
		else if (dyn->d_tag == DT_VERSYM)
			v->versym = (const Elf64_Half *)p;
		else if (dyn->d_tag == DT_VERDEF)
			v->verdef = (const Elf64_Verdef *)p;
	}
	if (!v->sym || !v->str || !hash)
		return -1;
	v->nsym = hash[1];
	return 0;
}

/* The name of version index ndx, from the version definitions. */
static const char *vdso_version(const struct vdso *v, unsigned int ndx)
{
	const Elf64_Verdef *d = v->verdef;

	while (d) {
		if ((d->vd_ndx & 0x7fff) == ndx) {
			const Elf64_Verdaux *a =
				(const Elf64_Verdaux *)((const char *)d + d->vd_aux);
			return v->str + a->vda_name;
		}
		if (!d->vd_next)
			break;
		d = (const Elf64_Verdef *)((const char *)d + d->vd_next);
	}
	return "";
}

/* A function of the vDSO by name, with its version's name in *ver. */
static void *vdso_sym(const struct vdso *v, const char *name, const char **ver)
{
	for (unsigned long i = 0; i < v->nsym; i++) {
		const Elf64_Sym *s = &v->sym[i];

		if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || s->st_shndx == SHN_UNDEF)
			continue;
		if (strcmp(v->str + s->st_name, name))
			continue;
		*ver = v->versym ? vdso_version(v, v->versym[i] & 0x7fff) : "";
		return (void *)(v->bias + s->st_value);
	}
	*ver = "";
	return 0;
}

struct kts {
	long sec, nsec;
};

static int ts_le(const struct kts *a, const struct kts *b)
{
	return a->sec < b->sec || (a->sec == b->sec && a->nsec <= b->nsec);
}

static void test_vdso(void)
{
	static const char *const names[] = { "__vdso_clock_gettime", "__vdso_gettimeofday",
					     "__vdso_time",	     "__vdso_getcpu",
					     "__vdso_clock_getres",  "clock_gettime",
					     "gettimeofday",	     "time",
					     "getcpu",		     "clock_getres" };
	int (*vgettime)(long, struct kts *);
	int (*vgtod)(struct kts *, void *);
	long (*vtime)(long *);
	long (*vgetcpu)(unsigned *, unsigned *, void *);
	int (*vgetres)(long, struct kts *);
	const char *ver;
	struct vdso v;
	int all = 1;

	if (!ok(vdso_open(&v) == 0, "AT_SYSINFO_EHDR is an ELF shared object with DT_HASH")) {
		for (int i = 0; i < 7; i++)
			ok(0, "vDSO case %d (no vDSO)", i);
		return;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!vdso_sym(&v, names[i], &ver) || strcmp(ver, "LINUX_2.6")) {
			printf("# %s: %s\n", names[i], *ver ? ver : "missing");
			all = 0;
		}
	}
	ok(all, "the vDSO exports the five calls and their aliases at LINUX_2.6");
	vgettime = (int (*)(long, struct kts *))vdso_sym(&v, "__vdso_clock_gettime", &ver);
	vgtod = (int (*)(struct kts *, void *))vdso_sym(&v, "__vdso_gettimeofday", &ver);
	vtime = (long (*)(long *))vdso_sym(&v, "__vdso_time", &ver);
	vgetcpu = (long (*)(unsigned *, unsigned *, void *))vdso_sym(&v, "__vdso_getcpu", &ver);
	vgetres = (int (*)(long, struct kts *))vdso_sym(&v, "__vdso_clock_getres", &ver);
	if (!vgettime || !vgtod || !vtime || !vgetcpu || !vgetres) {
		for (int i = 0; i < 6; i++)
			ok(0, "vDSO case %d (a symbol is missing)", i);
		return;
	}

	/* Each clock read through the vDSO lies between two syscall readings of it. */
	static const long clocks[] = { 0, 1, 4, 5, 6, 7 };
	int between = 1, coarse_ok = 1;
	for (size_t c = 0; c < sizeof(clocks) / sizeof(clocks[0]); c++) {
		for (int i = 0; i < 200; i++) {
			struct kts a, b, s;

			syscall(SYS_clock_gettime, clocks[c], &a);
			if (vgettime(clocks[c], &b))
				between = 0;
			syscall(SYS_clock_gettime, clocks[c], &s);
			/* The coarse clocks may lag a tick behind on Linux: not after. */
			if (clocks[c] == 5 || clocks[c] == 6)
				coarse_ok &= ts_le(&b, &s) && b.nsec >= 0 && b.nsec < 1000000000;
			else if (!ts_le(&a, &b) || !ts_le(&b, &s))
				between = 0;
		}
	}
	ok(between && coarse_ok, "vDSO clock_gettime lies between syscall readings, every clock");

	int mono = 1;
	struct kts prev = { 0, 0 }, now;
	for (int i = 0; i < 20000; i++) {
		vgettime(CLOCK_MONOTONIC, &now);
		if (!ts_le(&prev, &now))
			mono = 0;
		prev = now;
	}
	ok(mono, "vDSO CLOCK_MONOTONIC never goes backwards (20000 reads)");

	struct kts tv1, tv2, tv3; /* timevals: {sec, usec} */
	syscall(SYS_gettimeofday, &tv1, 0);
	vgtod(&tv2, 0);
	syscall(SYS_gettimeofday, &tv3, 0);
	long t1 = syscall(SYS_time, 0), t2 = vtime(0), t3 = syscall(SYS_time, 0);
	long tp = -1;
	vtime(&tp);
	ok(ts_le(&tv1, &tv2) && ts_le(&tv2, &tv3) && tv2.nsec < 1000000 && t1 <= t2 && t2 <= t3 &&
		   tp >= t2 && tp <= t3 + 1,
	   "vDSO gettimeofday and time agree with the syscalls");

	int res_same = 1;
	for (size_t c = 0; c < sizeof(clocks) / sizeof(clocks[0]); c++) {
		struct kts r1 = { -1, -1 }, r2 = { -2, -2 };

		syscall(SYS_clock_getres, clocks[c], &r1);
		vgetres(clocks[c], &r2);
		res_same &= r1.sec == r2.sec && r1.nsec == r2.nsec;
	}
	ok(res_same, "vDSO clock_getres agrees with the syscall");

	/* What the vDSO cannot serve goes to the kernel: the same answer as the syscall. */
	struct kts cpu1, cpu2;
	long ret_sys = syscall(SYS_clock_gettime, 2 /* CLOCK_PROCESS_CPUTIME_ID */, &cpu1);
	long ret_v = vgettime(2, &cpu2);
	long ret_bad = vgettime(100, &cpu2);
	ok((ret_sys == 0 ? ret_v == 0 : ret_v == -errno) && ret_bad == -EINVAL,
	   "vDSO clock_gettime falls back to the syscall for CPU-time and unknown clocks");

	int cpu_ok = 0;
	unsigned c1 = ~0u, n1 = ~0u, c2 = ~1u, n2 = ~1u;
	for (int i = 0; i < 100 && !cpu_ok; i++) {
		syscall(SYS_getcpu, &c1, &n1, 0);
		vgetcpu(&c2, &n2, 0);
		cpu_ok = vgetcpu(0, 0, 0) == 0 && c1 == c2 && n1 == n2 &&
			 c2 < 4096;
	}
	if (!ok(cpu_ok, "vDSO getcpu agrees with the syscall"))
		printf("# syscall: cpu %u node %u; vDSO: cpu %u node %u\n", c1, n1, c2, n2);
}

/* ---- ASLR --------------------------------------------------------------------------- */

struct layout {
	unsigned long code, stack, vdso, mmap, brk, pers;
	char random[40];
};

static int get_layout(unsigned long pers, struct layout *l)
{
	char out[256];
	char *argv[] = { self, "--layout", 0 };

	memset(l, 0, sizeof(*l));
	if (run(-1, self, 0, argv, pers, out, sizeof(out)) != 0)
		return -1;
	return sscanf(out, "%lx %lx %lx %lx %lx %lx %39s", &l->code, &l->stack, &l->vdso,
		      &l->mmap, &l->brk, &l->pers, l->random) == 7 ?
		       0 :
		       -1;
}

static void test_aslr(void)
{
	struct layout a, b, c, d;
	int pie = aux(AT_PHDR) > 0x10000000UL; /* ours: static PIE; musl's -static: ET_EXEC */
	int ra = get_layout(~0UL, &a), rb = get_layout(~0UL, &b);

	ok(ra == 0 && rb == 0 && a.stack != b.stack && a.mmap != b.mmap && a.vdso != b.vdso &&
		   a.brk != b.brk,
	   "two execs: the stack, mmap area, vDSO and heap all move");
	/* musl's -static programs are ET_EXEC: those stay where they are linked. */
	ok(pie ? a.code != b.code : a.code == b.code,
	   "two execs: a PIE's code moves, an ET_EXEC's stays");
	ok(ra == 0 && rb == 0 && strcmp(a.random, b.random) != 0,
	   "two execs: AT_RANDOM's bytes differ");
	int rc = get_layout(ADDR_NO_RANDOMIZE, &c), rd = get_layout(ADDR_NO_RANDOMIZE, &d);
	ok(rc == 0 && rd == 0 && c.code == d.code && c.stack == d.stack && c.mmap == d.mmap &&
		   c.vdso == d.vdso && c.brk == d.brk,
	   "personality(ADDR_NO_RANDOMIZE): two execs, the same layout");
	ok(rc == 0 && (c.pers & ADDR_NO_RANDOMIZE) && !(a.pers & ADDR_NO_RANDOMIZE),
	   "the personality is kept across exec");
}

/* ---- scripts ------------------------------------------------------------------------ */

/* Per process, so that two runs at once (both builds) do not trip over each other. */
static char SCRIPT1[64], SCRIPT2[64], TEXTFILE[64], LINK[64], PROG[64], MUTANT[64];
static char CHAIN[64];

static void name_files(void)
{
	int pid = getpid();

	snprintf(SCRIPT1, sizeof(SCRIPT1), "/tmp/t_exec_script1.%d", pid);
	snprintf(SCRIPT2, sizeof(SCRIPT2), "/tmp/t_exec_script2.%d", pid);
	snprintf(TEXTFILE, sizeof(TEXTFILE), "/tmp/t_exec_text.%d", pid);
	snprintf(LINK, sizeof(LINK), "/tmp/t_exec_link.%d", pid);
	snprintf(PROG, sizeof(PROG), "/tmp/t_exec_dyn.%d", pid);
	snprintf(MUTANT, sizeof(MUTANT), "/tmp/t_exec_mutant.%d", pid);
	snprintf(CHAIN, sizeof(CHAIN), "/tmp/t_exec_chain.%d", pid);
}

static void test_scripts(void)
{
	char line[1024], out[4096], want[4096];
	char *argv[] = { "name-given", "a1", "a 2", 0 };
	int st;

	snprintf(line, sizeof(line), "#!%s  -x  y \nnot read\n", showargs);
	write_str(SCRIPT1, line, 0755);
	st = run(-1, SCRIPT1, 0, argv, ~0UL, out, sizeof(out));
	snprintf(want, sizeof(want),
		 "argc=5\nargv[0]=%s\nargv[1]=-x  y\nargv[2]=%s\nargv[3]=a1\nargv[4]=a 2\n",
		 showargs, SCRIPT1);
	ok(st == 0 && strncmp(out, want, strlen(want)) == 0,
	   "#! with an argument: interpreter, argument, script path, then argv[1..]");
	if (strncmp(out, want, strlen(want)))
		printf("# got:\n%.*s", (int)strlen(want), out);

	snprintf(line, sizeof(line), "#!%s\n", showargs);
	write_str(SCRIPT1, line, 0755);
	st = run(-1, SCRIPT1, 0, argv, ~0UL, out, sizeof(out));
	snprintf(want, sizeof(want), "argc=4\nargv[0]=%s\nargv[1]=%s\nargv[2]=a1\n", showargs,
		 SCRIPT1);
	ok(st == 0 && strncmp(out, want, strlen(want)) == 0, "#! without an argument");

	/* A script whose interpreter is a script. */
	snprintf(line, sizeof(line), "#!%s opt\n", SCRIPT1);
	write_str(SCRIPT2, line, 0755);
	st = run(-1, SCRIPT2, 0, argv, ~0UL, out, sizeof(out));
	snprintf(want, sizeof(want),
		 "argc=6\nargv[0]=%s\nargv[1]=%s\nargv[2]=opt\nargv[3]=%s\nargv[4]=a1\n", showargs,
		 SCRIPT1, SCRIPT2);
	ok(st == 0 && strncmp(out, want, strlen(want)) == 0, "a script interpreting a script");

	/* A chain of 8 scripts: too deep. */
	char name[96], prev[96];
	snprintf(prev, sizeof(prev), "%s", SCRIPT1);
	for (int i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "%s.%d", CHAIN, i);
		snprintf(line, sizeof(line), "#!%s\n", prev);
		write_str(name, line, 0755);
		snprintf(prev, sizeof(prev), "%s", name);
	}
	st = run(-1, name, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ELOOP, "8 scripts deep is ELOOP (got %d)", st);
	snprintf(name, sizeof(name), "%s.2", CHAIN);
	st = run(-1, name, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 0, "4 scripts deep runs (got %d)", st);
	for (int i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "%s.%d", CHAIN, i);
		unlink(name);
	}

	/* The interpreter's name must end within the first 256 bytes; its argument may not. */
	memset(line, 'a', sizeof(line));
	memcpy(line, "#!/", 3);
	line[400] = '\n';
	write_file(SCRIPT2, line, 401, 0755);
	st = run(-1, SCRIPT2, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOEXEC, "a #! name longer than 256 bytes is ENOEXEC (got %d)", st);
	int n = snprintf(line, sizeof(line), "#!%s ", showargs);
	memset(line + n, 'b', 400);
	line[n + 400] = '\n';
	write_file(SCRIPT2, line, n + 401, 0755);
	st = run(-1, SCRIPT2, 0, argv, ~0UL, out, sizeof(out));
	snprintf(want, sizeof(want), "argv[1]=%.*s\n", 256 - n - 1, line + n);
	ok(st == 0 && strstr(out, want), "a long #! argument is cut at 256 bytes");

	write_str(SCRIPT2, "#!/no/such/interpreter\n", 0755);
	st = run(-1, SCRIPT2, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOENT, "a missing interpreter is ENOENT (got %d)", st);
	write_str(SCRIPT2, "#!   \n", 0755);
	st = run(-1, SCRIPT2, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOEXEC, "#! naming nothing is ENOEXEC (got %d)", st);
	write_str(TEXTFILE, "echo not a script\n", 0755);
	st = run(-1, TEXTFILE, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOEXEC, "a file neither ELF nor script is ENOEXEC (got %d)", st);
	snprintf(line, sizeof(line), "#!%s\n", showargs);
	write_str(TEXTFILE, line, 0644);
	st = run(-1, TEXTFILE, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + EACCES, "a file without x permission is EACCES (got %d)", st);
	st = run(-1, "/tmp", 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + EACCES, "a directory is EACCES (got %d)", st);
	unlink(SCRIPT1);
	unlink(SCRIPT2);
	unlink(TEXTFILE);
}

/* ---- execveat ----------------------------------------------------------------------- */

static void test_execveat(void)
{
	char out[4096], want[1024], dir[512];
	char *argv[] = { "via-fd", "x", 0 };
	int fd = open(showargs, O_RDONLY), st;

	st = run(fd, "", AT_EMPTY_PATH, argv, ~0UL, out, sizeof(out));
	ok(st == 0 && strncmp(out, "argc=2\nargv[0]=via-fd\nargv[1]=x\n", 31) == 0,
	   "execveat(fd, \"\", AT_EMPTY_PATH) runs the open file");
	st = run(fd, "", 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOENT, "execveat(fd, \"\") without AT_EMPTY_PATH is ENOENT (got %d)", st);
	close(fd);
	st = run(AT_FDCWD, showargs, 0x8000, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + EINVAL, "execveat with an unknown flag is EINVAL (got %d)", st);

	snprintf(dir, sizeof(dir), "%s", showargs);
	*strrchr(dir, '/') = '\0';
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	st = run(dfd, "showargs", 0, argv, ~0UL, out, sizeof(out));
	ok(st == 0 && strncmp(out, "argc=2\nargv[0]=via-fd\n", 22) == 0,
	   "execveat(dirfd, name) runs name in that directory");
	close(dfd);

	unlink(LINK);
	ok(symlink(showargs, LINK) == 0, "symlink to showargs");
	st = run(AT_FDCWD, LINK, AT_SYMLINK_NOFOLLOW, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ELOOP, "execveat(AT_SYMLINK_NOFOLLOW) on a symlink is ELOOP (got %d)", st);
	st = run(AT_FDCWD, LINK, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 0, "execveat through the symlink otherwise runs it");
	unlink(LINK);

	/* AT_EXECFN is the name exec was given, whatever argv[0] says. */
	st = run(-1, self, 0, (char *[]){ "some-name", "--execfn", 0 }, ~0UL, out, sizeof(out));
	snprintf(want, sizeof(want), "execfn=%s\n", self);
	ok(st == 0 && strcmp(out, want) == 0, "AT_EXECFN in the new program");
}

/* ---- argument limits ---------------------------------------------------------------- */

static void test_limits(void)
{
	size_t big = 128 * 1024;
	char *s = malloc(big + 1), out[256];
	char *argv[16];
	int st;

	memset(s, 'z', big);
	s[big] = '\0';
	argv[0] = self;
	argv[1] = "--count";
	argv[2] = s;
	argv[3] = 0;
	st = run(-1, self, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + E2BIG, "a 128 KiB argument (with its NUL, over MAX_ARG_STRLEN) is E2BIG");
	s[big - 1] = '\0';
	st = run(-1, self, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 0 && strcmp(out, "3 131071\n") == 0,
	   "an argument of 128 KiB with its NUL is passed whole (%d)", st);
	/* Ten of 100 KiB: 1 MB, within a quarter of an 8 MiB stack; 40 are over. */
	char *many[48];
	s[100 * 1024] = '\0';
	many[0] = self;
	many[1] = "--count";
	for (int i = 2; i < 12; i++)
		many[i] = s;
	many[12] = 0;
	st = run(-1, self, 0, many, ~0UL, out, sizeof(out));
	ok(st == 0 && strcmp(out, "12 102400\n") == 0, "1 MB of arguments is passed (%d)", st);
	for (int i = 2; i < 42; i++)
		many[i] = s;
	many[42] = 0;
	st = run(-1, self, 0, many, ~0UL, out, sizeof(out));
	ok(st == 1000 + E2BIG, "4 MB of arguments is E2BIG with an 8 MiB stack (got %d)", st);
	free(s);
}

/* ---- PT_INTERP ---------------------------------------------------------------------- */


/* A copy of this program with a PT_INTERP naming auxv_interp (in place of PT_GNU_STACK). */
static int make_dynamic(const char *interp_path)
{
	int fd = open(self, O_RDONLY);
	struct stat st;
	char *buf;
	Elf64_Ehdr *eh;
	Elf64_Phdr *ph;
	int done = 0;

	if (fd < 0 || fstat(fd, &st))
		return -1;
	buf = malloc(st.st_size + 512);
	if (!buf || read(fd, buf, st.st_size) != st.st_size)
		return -1;
	close(fd);
	eh = (Elf64_Ehdr *)buf;
	ph = (Elf64_Phdr *)(buf + eh->e_phoff);
	strcpy(buf + st.st_size, interp_path);
	for (int i = 0; i < eh->e_phnum && !done; i++) {
		if (ph[i].p_type != PT_GNU_STACK)
			continue;
		ph[i].p_type = PT_INTERP;
		ph[i].p_offset = st.st_size;
		ph[i].p_filesz = strlen(interp_path) + 1;
		ph[i].p_flags = PF_R;
		done = 1;
	}
	if (!done)
		return -1;
	return write_file(PROG, buf, st.st_size + strlen(interp_path) + 1, 0755);
}

static void test_interp(void)
{
	char out[1024];
	char *argv[] = { "dyn", 0 };
	int st;

	ok(make_dynamic(interp) == 0, "a copy of this program with a PT_INTERP");
	st = run(-1, PROG, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 0 && strstr(out, "auxv_interp: ok argc=1 argv[0]=dyn"),
	   "PT_INTERP: the interpreter runs beside the program, AT_BASE and AT_ENTRY right");
	if (st != 0)
		printf("# status %d: %s", st, out);
	ok(make_dynamic("/no/such/ld.so") == 0, "one naming a missing interpreter");
	st = run(-1, PROG, 0, argv, ~0UL, out, sizeof(out));
	ok(st == 1000 + ENOENT, "a missing interpreter is ENOENT (got %d)", st);
	unlink(PROG);
}

/* ---- random mutations --------------------------------------------------------------- */


/*
 * Runs path with its output thrown away, for at most 3 s: 1000 + errno if exec failed, the
 * exit status or 500 + the signal when it ended, -2 when it was still running (a corrupt
 * program may spin: it is killed where kill works, else left to spin, harmlessly).
 */
static int run_bounded(const char *path, char *const argv[])
{
	int e[2], status, err = 0;
	pid_t pid;

	if (pipe2(e, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		close(e[0]);
		execve(path, argv, environ);
		err = errno;
		if (write(e[1], &err, sizeof(err)) < 0)
			_exit(126);
		_exit(127);
	}
	close(e[1]);
	if (read(e[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(e[0]);
	for (int i = 0; i < 300; i++) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid) {
			if (err)
				return 1000 + err;
			return WIFEXITED(status) ? WEXITSTATUS(status) : 500 + WTERMSIG(status);
		}
		if (w < 0)
			return -1;
		nanosleep(&(struct timespec){ 0, 10000000 }, 0);
	}
	if (kill(pid, SIGKILL) == 0)
		waitpid(pid, &status, 0);
	return -2;
}

/*
 * Random bit flips in the headers of a real program, exec'd: each must fail with an error
 * or run (and end, by exit or a signal); the kernel must carry on, which the cases after
 * this show. The same seed gives the same files every run.
 */
static void test_mutations(void)
{
	int fd = open(showargs, O_RDONLY), errors = 0, ran = 0, odd = 0, runaway = 0;
	struct stat st;
	unsigned long seed = 12345;
	char *orig, *buf;
	char *argv[] = { "mutant", 0 };

	if (fd < 0 || fstat(fd, &st)) {
		ok(0, "random mutations (no showargs)");
		return;
	}
	orig = malloc(st.st_size);
	buf = malloc(st.st_size);
	if (read(fd, orig, st.st_size) != st.st_size)
		st.st_size = 0;
	close(fd);
	for (int round = 0; round < 60 && st.st_size; round++) {
		size_t hdr = 64 + 56 * 12;

		memcpy(buf, orig, st.st_size);
		for (int k = 0; k < 1 + round % 4; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			buf[(seed >> 33) % hdr] ^= 1 << ((seed >> 20) & 7);
		}
		write_file(MUTANT, buf, st.st_size, 0755);
		int r = run_bounded(MUTANT, argv);
		if (r >= 1000)
			errors++;
		else if (r == -2)
			runaway++;
		else if (r >= 0)
			ran++;
		else
			odd++;
	}
	unlink(MUTANT);
	free(orig);
	free(buf);
	printf("# %d refused, %d ran and ended, %d still running after 3 s\n", errors, ran,
	       runaway);
	ok(odd == 0 && errors + ran + runaway == 60 && errors > 0,
	   "60 mutated programs: each refused or run");
}

int main(int argc, char **argv)
{
	char **e = environ;

	while (*e)
		e++;
	start_auxv = (unsigned long *)(e + 1);
	if (argc > 1 && !strcmp(argv[1], "--layout"))
		return report_layout();
	if (argc > 1 && !strcmp(argv[1], "--execfn")) {
		printf("execfn=%s\n", (const char *)getauxval(AT_EXECFN));
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "--count")) {
		printf("%d %zu\n", argc, strlen(argv[argc - 1]));
		return 0;
	}
	snprintf(self, sizeof(self), "%s", argv[0]);
	name_files();
	tap_plan(54);
	ok(self[0] == '/' && find_beside("showargs", showargs, sizeof(showargs)) == 0 &&
		   find_beside("auxv_interp", interp, sizeof(interp)) == 0,
	   "started by full path, showargs and auxv_interp found");
	test_auxv();
	test_vdso();
	test_aslr();
	test_scripts();
	test_execveat();
	test_limits();
	test_interp();
	test_mutations();
	return tap_done();
}
