// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call table (every implemented number reaches its own entry, the rest
 * -ENOSYS) and the ELF loader against malformed files: hand-made headers with one thing
 * wrong each, every truncation of a real program, and random mutations of its headers.
 * Loading goes into an address space of its own that nobody runs, and is dropped.
 */
#include <asm/syscall.h>
#include <kernel/binfmts.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/vmalloc.h>
#include <asm/vdso.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

/* ---- the table ---------------------------------------------------------------------- */

long sys_ni_syscall(void);

#define ENTRY(nr, name, fn)             \
	{                               \
		nr, #name, (void *)(fn) \
	}
static const struct {
	unsigned long nr;
	const char *name;
	void *fn;
} implemented[] = {
	ENTRY(0, read, sys_read),
	ENTRY(1, write, sys_write),
	ENTRY(2, open, sys_open),
	ENTRY(3, close, sys_close),
	ENTRY(4, stat, sys_newstat),
	ENTRY(5, fstat, sys_newfstat),
	ENTRY(6, lstat, sys_newlstat),
	ENTRY(8, lseek, sys_lseek),
	ENTRY(9, mmap, sys_mmap),
	ENTRY(10, mprotect, sys_mprotect),
	ENTRY(11, munmap, sys_munmap),
	ENTRY(12, brk, sys_brk),
	ENTRY(13, rt_sigaction, sys_rt_sigaction),
	ENTRY(14, rt_sigprocmask, sys_rt_sigprocmask),
	ENTRY(16, ioctl, sys_ioctl),
	ENTRY(19, readv, sys_readv),
	ENTRY(20, writev, sys_writev),
	ENTRY(24, sched_yield, sys_sched_yield),
	ENTRY(32, dup, sys_dup),
	ENTRY(33, dup2, sys_dup2),
	ENTRY(39, getpid, sys_getpid),
	ENTRY(59, execve, sys_execve),
	ENTRY(60, exit, sys_exit),
	ENTRY(63, uname, sys_uname),
	ENTRY(96, gettimeofday, sys_gettimeofday),
	ENTRY(102, getuid, sys_getuid),
	ENTRY(104, getgid, sys_getgid),
	ENTRY(107, geteuid, sys_geteuid),
	ENTRY(108, getegid, sys_getegid),
	ENTRY(110, getppid, sys_getppid),
	ENTRY(158, arch_prctl, sys_arch_prctl),
	ENTRY(186, gettid, sys_gettid),
	ENTRY(218, set_tid_address, sys_set_tid_address),
	ENTRY(228, clock_gettime, sys_clock_gettime),
	ENTRY(231, exit_group, sys_exit_group),
	ENTRY(257, openat, sys_openat),
	ENTRY(262, newfstatat, sys_newfstatat),
	ENTRY(292, dup3, sys_dup3),
	ENTRY(318, getrandom, sys_getrandom),
	ENTRY(17, pread64, sys_pread64),
	ENTRY(18, pwrite64, sys_pwrite64),
	ENTRY(21, access, sys_access),
	ENTRY(22, pipe, sys_pipe),
	ENTRY(35, nanosleep, sys_nanosleep),
	ENTRY(72, fcntl, sys_fcntl),
	ENTRY(80, chdir, sys_chdir),
	ENTRY(82, rename, sys_rename),
	ENTRY(83, mkdir, sys_mkdir),
	ENTRY(84, rmdir, sys_rmdir),
	ENTRY(87, unlink, sys_unlink),
	ENTRY(88, symlink, sys_symlink),
	ENTRY(89, readlink, sys_readlink),
	ENTRY(95, umask, sys_umask),
	ENTRY(217, getdents64, sys_getdents64),
	ENTRY(230, clock_nanosleep, sys_clock_nanosleep),
	ENTRY(258, mkdirat, sys_mkdirat),
	ENTRY(263, unlinkat, sys_unlinkat),
	ENTRY(264, renameat, sys_renameat),
	ENTRY(266, symlinkat, sys_symlinkat),
	ENTRY(267, readlinkat, sys_readlinkat),
	ENTRY(269, faccessat, sys_faccessat),
	ENTRY(293, pipe2, sys_pipe2),
	ENTRY(316, renameat2, sys_renameat2),
	ENTRY(56, clone, sys_clone),
	ENTRY(57, fork, sys_fork),
	ENTRY(58, vfork, sys_vfork),
	ENTRY(61, wait4, sys_wait4),
	ENTRY(79, getcwd, sys_getcwd),
	/* signals */
	ENTRY(15, rt_sigreturn, sys_rt_sigreturn),
	ENTRY(34, pause, sys_pause),
	ENTRY(36, getitimer, sys_getitimer),
	ENTRY(37, alarm, sys_alarm),
	ENTRY(38, setitimer, sys_setitimer),
	ENTRY(62, kill, sys_kill),
	ENTRY(127, rt_sigpending, sys_rt_sigpending),
	ENTRY(128, rt_sigtimedwait, sys_rt_sigtimedwait),
	ENTRY(129, rt_sigqueueinfo, sys_rt_sigqueueinfo),
	ENTRY(130, rt_sigsuspend, sys_rt_sigsuspend),
	ENTRY(131, sigaltstack, sys_sigaltstack),
	ENTRY(200, tkill, sys_tkill),
	ENTRY(219, restart_syscall, sys_restart_syscall),
	ENTRY(234, tgkill, sys_tgkill),
	ENTRY(247, waitid, sys_waitid),
	ENTRY(282, signalfd, sys_signalfd),
	ENTRY(289, signalfd4, sys_signalfd4),
	ENTRY(297, rt_tgsigqueueinfo, sys_rt_tgsigqueueinfo),
	/* threads, futexes, process groups, credentials, prctl */
	ENTRY(105, setuid, sys_setuid),
	ENTRY(106, setgid, sys_setgid),
	ENTRY(109, setpgid, sys_setpgid),
	ENTRY(111, getpgrp, sys_getpgrp),
	ENTRY(112, setsid, sys_setsid),
	ENTRY(113, setreuid, sys_setreuid),
	ENTRY(114, setregid, sys_setregid),
	ENTRY(115, getgroups, sys_getgroups),
	ENTRY(116, setgroups, sys_setgroups),
	ENTRY(117, setresuid, sys_setresuid),
	ENTRY(118, getresuid, sys_getresuid),
	ENTRY(119, setresgid, sys_setresgid),
	ENTRY(120, getresgid, sys_getresgid),
	ENTRY(121, getpgid, sys_getpgid),
	ENTRY(122, setfsuid, sys_setfsuid),
	ENTRY(123, setfsgid, sys_setfsgid),
	ENTRY(124, getsid, sys_getsid),
	ENTRY(157, prctl, sys_prctl),
	ENTRY(202, futex, sys_futex),
	ENTRY(273, set_robust_list, sys_set_robust_list),
	ENTRY(274, get_robust_list, sys_get_robust_list),
	ENTRY(435, clone3, sys_clone3),
	/* Files and directories (fs/). */
	ENTRY(7, poll, sys_poll),
	ENTRY(23, select, sys_select),
	ENTRY(40, sendfile, sys_sendfile64),
	ENTRY(73, flock, sys_flock),
	ENTRY(74, fsync, sys_fsync),
	ENTRY(75, fdatasync, sys_fdatasync),
	ENTRY(76, truncate, sys_truncate),
	ENTRY(77, ftruncate, sys_ftruncate),
	ENTRY(81, fchdir, sys_fchdir),
	ENTRY(85, creat, sys_creat),
	ENTRY(86, link, sys_link),
	ENTRY(90, chmod, sys_chmod),
	ENTRY(91, fchmod, sys_fchmod),
	ENTRY(92, chown, sys_chown),
	ENTRY(93, fchown, sys_fchown),
	ENTRY(94, lchown, sys_lchown),
	ENTRY(132, utime, sys_utime),
	ENTRY(133, mknod, sys_mknod),
	ENTRY(137, statfs, sys_statfs),
	ENTRY(138, fstatfs, sys_fstatfs),
	ENTRY(161, chroot, sys_chroot),
	ENTRY(162, sync, sys_sync),
	ENTRY(165, mount, sys_mount),
	ENTRY(166, umount2, sys_umount2),
	ENTRY(235, utimes, sys_utimes),
	ENTRY(259, mknodat, sys_mknodat),
	ENTRY(260, fchownat, sys_fchownat),
	ENTRY(265, linkat, sys_linkat),
	ENTRY(268, fchmodat, sys_fchmodat),
	ENTRY(270, pselect6, sys_pselect6),
	ENTRY(271, ppoll, sys_ppoll),
	ENTRY(280, utimensat, sys_utimensat),
	ENTRY(283, timerfd_create, sys_timerfd_create),
	ENTRY(284, eventfd, sys_eventfd),
	ENTRY(285, fallocate, sys_fallocate),
	ENTRY(286, timerfd_settime, sys_timerfd_settime),
	ENTRY(287, timerfd_gettime, sys_timerfd_gettime),
	ENTRY(290, eventfd2, sys_eventfd2),
	ENTRY(295, preadv, sys_preadv),
	ENTRY(296, pwritev, sys_pwritev),
	ENTRY(306, syncfs, sys_syncfs),
	ENTRY(326, copy_file_range, sys_copy_file_range),
	ENTRY(327, preadv2, sys_preadv2),
	ENTRY(328, pwritev2, sys_pwritev2),
	ENTRY(332, statx, sys_statx),
	ENTRY(436, close_range, sys_close_range),
	ENTRY(437, openat2, sys_openat2),
	ENTRY(439, faccessat2, sys_faccessat2),
	/* memory, resources and the system (mm, kernel/resource.c, kernel/sys.c) */
	ENTRY(25, mremap, sys_mremap),
	ENTRY(26, msync, sys_msync),
	ENTRY(27, mincore, sys_mincore),
	ENTRY(28, madvise, sys_madvise),
	ENTRY(97, getrlimit, sys_getrlimit),
	ENTRY(98, getrusage, sys_getrusage),
	ENTRY(99, sysinfo, sys_sysinfo),
	ENTRY(100, times, sys_times),
	ENTRY(142, sched_setparam, sys_sched_setparam),
	ENTRY(143, sched_getparam, sys_sched_getparam),
	ENTRY(144, sched_setscheduler, sys_sched_setscheduler),
	ENTRY(145, sched_getscheduler, sys_sched_getscheduler),
	ENTRY(146, sched_get_priority_max, sys_sched_get_priority_max),
	ENTRY(147, sched_get_priority_min, sys_sched_get_priority_min),
	ENTRY(149, mlock, sys_mlock),
	ENTRY(150, munlock, sys_munlock),
	ENTRY(151, mlockall, sys_mlockall),
	ENTRY(152, munlockall, sys_munlockall),
	ENTRY(160, setrlimit, sys_setrlimit),
	ENTRY(169, reboot, sys_reboot),
	ENTRY(170, sethostname, sys_sethostname),
	ENTRY(171, setdomainname, sys_setdomainname),
	ENTRY(203, sched_setaffinity, sys_sched_setaffinity),
	ENTRY(204, sched_getaffinity, sys_sched_getaffinity),
	ENTRY(229, clock_getres, sys_clock_getres),
	ENTRY(302, prlimit64, sys_prlimit64),
	ENTRY(309, getcpu, sys_getcpu),
	ENTRY(325, mlock2, sys_mlock2),
	/* exec: execveat, personality, and the time calls the vDSO falls back on. */
	ENTRY(322, execveat, sys_execveat),
	ENTRY(135, personality, sys_personality),
	ENTRY(201, time, sys_time),
	ENTRY(103, syslog, sys_syslog),
	ENTRY(140, getpriority, sys_getpriority),
	ENTRY(141, setpriority, sys_setpriority),
};

static void test_implemented_numbers_reach_their_entry(struct ktest *t)
{
	for (size_t i = 0; i < ARRAY_SIZE(implemented); i++) {
		KTEST_EXPECT_PTR_EQ(t, (void *)sys_call_table[implemented[i].nr],
				    implemented[i].fn);
		KTEST_EXPECT_STREQ(t, syscall_name(implemented[i].nr), implemented[i].name);
	}
}

static void test_every_other_number_is_enosys(struct ktest *t)
{
	size_t implemented_seen = 0;

	/* Every named number: the table has gaps (335-423), and rows beyond them (435-439). */
	for (unsigned long nr = 0; nr < 1024; nr++) {
		bool listed = false;

		if (!syscall_name(nr))
			continue;

		for (size_t i = 0; i < ARRAY_SIZE(implemented); i++)
			listed |= implemented[i].nr == nr;
		if (listed) {
			implemented_seen++;
			continue;
		}
		KTEST_EXPECT_PTR_EQ(t, (void *)sys_call_table[nr], (void *)sys_ni_syscall);
	}
	KTEST_EXPECT_EQ(t, implemented_seen, ARRAY_SIZE(implemented));
	KTEST_EXPECT_EQ(t, syscall_unknown(100000), -ENOSYS);
	KTEST_EXPECT_NULL(t, syscall_name(100000));
}

/* ---- ELF images ----------------------------------------------------------------------- */

#define TEST_FILE "/tmp/elf_test"
#define TEST_SCRIPT "/tmp/elf_test_text"

/* A minimal static executable: one text page (R+X) and a data+bss segment (R+W). */
struct tiny_elf {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[3];
	u8 pad[4096 - sizeof(Elf64_Ehdr) - 3 * sizeof(Elf64_Phdr)];
	u8 text[4096];
	u8 data[100];
};

static void make_tiny(struct tiny_elf *e)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->eh.e_ident, ELFMAG, SELFMAG);
	e->eh.e_ident[EI_CLASS] = ELFCLASS64;
	e->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	e->eh.e_ident[EI_VERSION] = EV_CURRENT;
	e->eh.e_type = ET_EXEC;
	e->eh.e_machine = EM_X86_64;
	e->eh.e_version = EV_CURRENT;
	e->eh.e_entry = 0x401000;
	e->eh.e_phoff = sizeof(Elf64_Ehdr);
	e->eh.e_ehsize = sizeof(Elf64_Ehdr);
	e->eh.e_phentsize = sizeof(Elf64_Phdr);
	e->eh.e_phnum = 3;
	e->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD,
				 .p_flags = PF_R,
				 .p_offset = 0,
				 .p_vaddr = 0x400000,
				 .p_filesz = 4096,
				 .p_memsz = 4096 };
	e->ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD,
				 .p_flags = PF_R | PF_X,
				 .p_offset = 4096,
				 .p_vaddr = 0x401000,
				 .p_filesz = 4096,
				 .p_memsz = 4096 };
	e->ph[2] = (Elf64_Phdr){ .p_type = PT_LOAD,
				 .p_flags = PF_R | PF_W,
				 .p_offset = 8192,
				 .p_vaddr = 0x403000,
				 .p_filesz = 100,
				 .p_memsz = 0x3000 };
	e->text[0] = 0xf4; /* hlt: never run */
}

/* ph[0] (the header page) turned into a PT_INTERP naming name, which lies in the padding. */
static void set_interp(struct tiny_elf *e, const char *name, size_t filesz)
{
	size_t at = offsetof(struct tiny_elf, pad) + 64;

	memcpy((u8 *)e + at, name, strlen(name) + 1);
	e->ph[0] = (Elf64_Phdr){ .p_type = PT_INTERP,
				 .p_flags = PF_R,
				 .p_offset = at,
				 .p_filesz = filesz ? filesz : strlen(name) + 1 };
}

static int write_file(const void *buf, size_t len)
{
	struct file *f = filp_open(TEST_FILE, O_CREAT | O_RDWR | O_TRUNC, 0755);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = len ? kernel_write(f, buf, len, &pos) : 0;
	fput(f);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* Loads the test file into an address space nobody runs; 0 or -errno. */
static int try_load(struct linux_binprm *out)
{
	struct linux_binprm bprm = { .filename = TEST_FILE, .interp = TEST_FILE };
	int err;

	bprm.file = filp_open(TEST_FILE, O_RDONLY, 0);
	if (IS_ERR(bprm.file))
		return PTR_ERR(bprm.file);
	err = load_elf_binary(&bprm);
	fput(bprm.file);
	if (!err)
		mmput(bprm.mm);
	if (out)
		*out = bprm;
	return err;
}

static int load_buf(const void *buf, size_t len)
{
	int err = write_file(buf, len);

	return err ? err : try_load(NULL);
}

static void test_tiny_elf_loads(struct ktest *t)
{
	struct tiny_elf *e = kmalloc(sizeof(*e), GFP_KERNEL);
	struct linux_binprm b = {};

	KTEST_ASSERT_NOT_NULL(t, e);
	make_tiny(e);
	KTEST_EXPECT_EQ(t, write_file(e, sizeof(*e)), 0);
	KTEST_EXPECT_EQ(t, try_load(&b), 0);
	KTEST_EXPECT_EQ(t, b.entry, 0x401000);
	KTEST_EXPECT_EQ(t, b.phdr_addr, 0x400000 + sizeof(Elf64_Ehdr));
	KTEST_EXPECT_EQ(t, b.phnum, 3);
	KTEST_EXPECT_EQ(t, b.brk, 0x406000);
	KTEST_EXPECT_EQ(t, b.nr_bss, 1);
	KTEST_EXPECT_EQ(t, b.bss[0].start, 0x403000 + 100);
	KTEST_EXPECT_EQ(t, b.bss[0].len, 4096 - 100);
	/* The same as a static PIE lands at ELF_ET_DYN_BASE. */
	e->eh.e_type = ET_DYN;
	KTEST_EXPECT_EQ(t, write_file(e, sizeof(*e)), 0);
	KTEST_EXPECT_EQ(t, try_load(&b), 0);
	KTEST_EXPECT_EQ(t, b.entry, ELF_ET_DYN_BASE - 0x400000 + 0x401000);
	KTEST_EXPECT_EQ(t, b.e_entry, b.entry);
	KTEST_EXPECT_EQ(t, b.interp_base, 0);
	kfree(e);
}

/* Loads the test file as exec would with ASLR on; 0 or -errno. */
static int try_load_randomized(struct linux_binprm *out)
{
	struct linux_binprm bprm = { .filename = TEST_FILE, .interp = TEST_FILE };
	int err;

	bprm.randomize = true;
	bprm.stack_top = randomize_stack_top(STACK_TOP);
	bprm.file = filp_open(TEST_FILE, O_RDONLY, 0);
	if (IS_ERR(bprm.file))
		return PTR_ERR(bprm.file);
	err = load_elf_binary(&bprm);
	fput(bprm.file);
	if (!err)
		mmput(bprm.mm);
	*out = bprm;
	return err;
}

/*
 * A PIE with ASLR: its bias a page multiple in [ELF_ET_DYN_BASE, + 2^40), different from one
 * load to the next (20 loads all alike would be chance of 2^-532), the heap within 32 MiB
 * past the image's end, the stack top within 16 GiB below STACK_TOP, and the vDSO mapped.
 */
static void test_pie_is_randomized(struct ktest *t)
{
	struct tiny_elf *e = kmalloc(sizeof(*e), GFP_KERNEL);
	unsigned long first_bias = 0, first_top = 0;
	bool bias_moved = false, top_moved = false;
	struct linux_binprm b = {};

	KTEST_ASSERT_NOT_NULL(t, e);
	make_tiny(e);
	e->eh.e_type = ET_DYN;
	KTEST_ASSERT_EQ(t, write_file(e, sizeof(*e)), 0);
	for (int i = 0; i < 20; i++) {
		unsigned long base;

		KTEST_ASSERT_EQ(t, try_load_randomized(&b), 0);
		base = b.load_bias + 0x400000;
		KTEST_EXPECT_EQ(t, base & ~PAGE_MASK, 0);
		KTEST_EXPECT_GE(t, base, ELF_ET_DYN_BASE);
		KTEST_EXPECT_LT(t, base, ELF_ET_DYN_BASE + (1UL << 40));
		KTEST_EXPECT_GE(t, b.brk, base + 0x6000);
		KTEST_EXPECT_LT(t, b.brk, base + 0x6000 + (32UL << 20));
		KTEST_EXPECT_LE(t, b.stack_top, STACK_TOP);
		KTEST_EXPECT_GT(t, b.stack_top, STACK_TOP - (16UL << 30));
		if (vdso_image_size())
			KTEST_EXPECT_NE(t, b.vdso_base, 0);
		if (i == 0) {
			first_bias = b.load_bias;
			first_top = b.stack_top;
		}
		bias_moved |= b.load_bias != first_bias;
		top_moved |= b.stack_top != first_top;
	}
	KTEST_EXPECT_TRUE(t, bias_moved);
	KTEST_EXPECT_TRUE(t, top_moved);
	kfree(e);
}

/*
 * PT_INTERP naming a real static PIE: it is loaded at a base of its own in the mmap area
 * (AT_BASE), it gets control, and AT_ENTRY stays the program's.
 */
static void test_interpreter_is_loaded_beside(struct ktest *t)
{
	struct tiny_elf *e = kmalloc(sizeof(*e), GFP_KERNEL);
	struct linux_binprm b = {};
	struct file *f;
	Elf64_Ehdr ieh;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, e);
	f = filp_open("/bin/hello", O_RDONLY, 0);
	if (IS_ERR(f)) {
		kfree(e);
		ktest_skip(t, "no /bin/hello in the initramfs");
		return;
	}
	KTEST_ASSERT_EQ(t, kernel_read(f, &ieh, sizeof(ieh), &pos), (ssize_t)sizeof(ieh));
	fput(f);
	KTEST_ASSERT_EQ(t, ieh.e_type, ET_DYN);
	make_tiny(e);
	set_interp(e, "/bin/hello", 0);
	KTEST_ASSERT_EQ(t, write_file(e, sizeof(*e)), 0);
	KTEST_ASSERT_EQ(t, try_load(&b), 0);
	KTEST_EXPECT_EQ(t, b.e_entry, 0x401000);
	KTEST_EXPECT_NE(t, b.interp_base, 0);
	KTEST_EXPECT_EQ(t, b.interp_base & ~PAGE_MASK, 0);
	/* hello links at 0: its entry is e_entry past its base. */
	KTEST_EXPECT_EQ(t, b.entry, b.interp_base + ieh.e_entry);
	KTEST_EXPECT_GT(t, b.interp_base, 0x406000);
	KTEST_EXPECT_LT(t, b.interp_base, STACK_TOP - DEFAULT_STACK_LIMIT);
	kfree(e);
}

enum mutation {
	BAD_MAGIC,
	CLASS32,
	BIG_ENDIAN,
	BAD_VERSION,
	ET_REL_TYPE,
	OTHER_MACHINE,
	BAD_PHENTSIZE,
	NO_PHDRS,
	TOO_MANY_PHDRS,
	PHDRS_PAST_EOF,
	FILESZ_OVER_MEMSZ,
	WRITE_AND_EXEC,
	MISALIGNED,
	OFFSET_PAST_EOF,
	VADDR_KERNEL,
	MEMSZ_WRAPS,
	INTERP,
	NO_LOAD,
	PHNUM_PAST_PAGE,
	PHNUM_HUGE,
	PHOFF_WRAPS,
	FILESZ_PAST_EOF,
	MEMSZ_HUGE,
	MEMSZ_OVER_STACK,
	EXEC_TYPE_CORE,
	MACHINE_NONE,
	CLASS_NONE,
	DATA_NONE,
	INTERP_MISSING,
	INTERP_NO_NUL,
	INTERP_TOO_SHORT,
	INTERP_TOO_LONG,
	INTERP_TWICE,
	INTERP_NOT_ELF,
	INTERP_DIRECTORY,
	NR_MUTATIONS
};

static const struct {
	const char *what;
	int err;
} mutations[NR_MUTATIONS] = {
	[BAD_MAGIC] = { "bad magic", -ENOEXEC },
	[CLASS32] = { "ELFCLASS32", -ENOEXEC },
	[BIG_ENDIAN] = { "big-endian", -ENOEXEC },
	[BAD_VERSION] = { "EI_VERSION 0", -ENOEXEC },
	[ET_REL_TYPE] = { "ET_REL", -ENOEXEC },
	[OTHER_MACHINE] = { "EM_386", -ENOEXEC },
	[BAD_PHENTSIZE] = { "e_phentsize 32", -ENOEXEC },
	[NO_PHDRS] = { "e_phnum 0", -ENOEXEC },
	[TOO_MANY_PHDRS] = { "e_phnum 65535", -ENOEXEC },
	[PHDRS_PAST_EOF] = { "e_phoff past the end", -EIO },
	[FILESZ_OVER_MEMSZ] = { "p_filesz > p_memsz", -EINVAL },
	[WRITE_AND_EXEC] = { "PF_W | PF_X", -EINVAL },
	[MISALIGNED] = { "p_vaddr - p_offset not page aligned", -EINVAL },
	[OFFSET_PAST_EOF] = { "p_offset past the end", -EINVAL },
	[VADDR_KERNEL] = { "p_vaddr in the kernel half", -EINVAL },
	[MEMSZ_WRAPS] = { "p_vaddr + p_memsz wraps", -EINVAL },
	[INTERP] = { "PT_INTERP naming the header bytes", -ENOENT },
	[NO_LOAD] = { "no PT_LOAD", -ENOEXEC },
	[PHNUM_PAST_PAGE] = { "e_phnum 74: headers past one page", -ENOEXEC },
	[PHNUM_HUGE] = { "e_phnum 0xffff", -ENOEXEC },
	[PHOFF_WRAPS] = { "e_phoff + size wraps", -EIO },
	[FILESZ_PAST_EOF] = { "p_filesz past the end", -EINVAL },
	[MEMSZ_HUGE] = { "p_memsz 2^47", -EINVAL },
	[MEMSZ_OVER_STACK] = { "p_memsz into the stack's area", -EINVAL },
	[EXEC_TYPE_CORE] = { "ET_CORE", -ENOEXEC },
	[MACHINE_NONE] = { "EM_NONE", -ENOEXEC },
	[CLASS_NONE] = { "ELFCLASSNONE", -ENOEXEC },
	[DATA_NONE] = { "ELFDATANONE", -ENOEXEC },
	[INTERP_MISSING] = { "PT_INTERP naming no file", -ENOENT },
	[INTERP_NO_NUL] = { "PT_INTERP without its NUL", -ENOEXEC },
	[INTERP_TOO_SHORT] = { "PT_INTERP of 1 byte", -ENOEXEC },
	[INTERP_TOO_LONG] = { "PT_INTERP longer than PATH_MAX", -ENOEXEC },
	[INTERP_TWICE] = { "two PT_INTERPs", -ENOEXEC },
	[INTERP_NOT_ELF] = { "PT_INTERP naming a text file", -ELIBBAD },
	[INTERP_DIRECTORY] = { "PT_INTERP naming a directory", -EACCES },
};

static void mutate(struct tiny_elf *e, enum mutation m)
{
	switch (m) {
	case PHNUM_PAST_PAGE:
		e->eh.e_phnum = PAGE_SIZE / sizeof(Elf64_Phdr) + 1;
		break;
	case PHNUM_HUGE:
		e->eh.e_phnum = 0xffff;
		break;
	case PHOFF_WRAPS:
		e->eh.e_phoff = ~0UL - 8;
		break;
	case FILESZ_PAST_EOF:
		e->ph[2].p_filesz = 0x2000;
		break;
	case MEMSZ_HUGE:
		e->ph[2].p_memsz = 1UL << 47;
		break;
	case MEMSZ_OVER_STACK:
		e->ph[2].p_memsz = TASK_SIZE - 0x403000 - PAGE_SIZE;
		break;
	case EXEC_TYPE_CORE:
		e->eh.e_type = 4;
		break;
	case MACHINE_NONE:
		e->eh.e_machine = 0;
		break;
	case CLASS_NONE:
		e->eh.e_ident[EI_CLASS] = 0;
		break;
	case DATA_NONE:
		e->eh.e_ident[EI_DATA] = 0;
		break;
	case INTERP_MISSING:
		set_interp(e, "/no/such/ld.so", 0);
		break;
	case INTERP_NO_NUL:
		set_interp(e, "/bin/hello", strlen("/bin/hello"));
		break;
	case INTERP_TOO_SHORT:
		set_interp(e, "", 1);
		break;
	case INTERP_TOO_LONG:
		set_interp(e, "/bin/hello", PATH_MAX + 1);
		break;
	case INTERP_TWICE:
		set_interp(e, "/bin/hello", 0);
		e->ph[1].p_type = PT_INTERP;
		break;
	case INTERP_NOT_ELF:
		set_interp(e, TEST_SCRIPT, 0);
		break;
	case INTERP_DIRECTORY:
		set_interp(e, "/bin", 0);
		break;
	case BAD_MAGIC:
		e->eh.e_ident[1] = 'X';
		break;
	case CLASS32:
		e->eh.e_ident[EI_CLASS] = 1;
		break;
	case BIG_ENDIAN:
		e->eh.e_ident[EI_DATA] = 2;
		break;
	case BAD_VERSION:
		e->eh.e_ident[EI_VERSION] = 0;
		break;
	case ET_REL_TYPE:
		e->eh.e_type = 1;
		break;
	case OTHER_MACHINE:
		e->eh.e_machine = 3;
		break;
	case BAD_PHENTSIZE:
		e->eh.e_phentsize = 32;
		break;
	case NO_PHDRS:
		e->eh.e_phnum = 0;
		break;
	case TOO_MANY_PHDRS:
		e->eh.e_phnum = 65535;
		break;
	case PHDRS_PAST_EOF:
		e->eh.e_phoff = 1UL << 40;
		break;
	case FILESZ_OVER_MEMSZ:
		e->ph[2].p_filesz = 0x4000;
		break;
	case WRITE_AND_EXEC:
		e->ph[1].p_flags |= PF_W;
		break;
	case MISALIGNED:
		e->ph[1].p_vaddr += 8;
		break;
	case OFFSET_PAST_EOF:
		e->ph[1].p_offset = 1UL << 30;
		break;
	case VADDR_KERNEL:
		e->ph[1].p_vaddr = 0xffff800000001000UL;
		e->ph[1].p_offset = 0x1000;
		break;
	case MEMSZ_WRAPS:
		e->ph[2].p_memsz = ~0UL - 0x1000;
		break;
	case INTERP:
		e->ph[0].p_type = PT_INTERP;
		break;
	case NO_LOAD:
		for (int i = 0; i < 3; i++)
			e->ph[i].p_type = 0x70000000;
		break;
	case NR_MUTATIONS:
		break;
	}
}

static int write_text(const char *path, const char *text, umode_t mode)
{
	struct file *f = filp_open(path, O_CREAT | O_RDWR | O_TRUNC, mode);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, text, strlen(text), &pos);
	fput(f);
	return n == (ssize_t)strlen(text) ? 0 : -EIO;
}

static void test_each_malformation_has_its_errno(struct ktest *t)
{
	struct tiny_elf *e = kmalloc(sizeof(*e), GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, e);
	KTEST_ASSERT_EQ(t, write_text(TEST_SCRIPT, "not an ELF file\n", 0755), 0);
	for (int m = 0; m < NR_MUTATIONS; m++) {
		int err;

		make_tiny(e);
		mutate(e, m);
		err = load_buf(e, sizeof(*e));
		if (err != mutations[m].err)
			ktest_log(t, "%s: got %d, want %d", mutations[m].what, err,
				  mutations[m].err);
		KTEST_EXPECT_EQ(t, err, mutations[m].err);
	}
	kfree(e);
}

/* A real program of ours from the initramfs, read whole. */
static void *read_program(const char *path, size_t *len)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	void *buf;
	ssize_t n;

	if (IS_ERR(f))
		return NULL;
	*len = f->f_inode->i_size;
	buf = vmalloc(*len);
	n = buf ? kernel_read(f, buf, *len, &pos) : -ENOMEM;
	fput(f);
	if (n != (ssize_t)*len) {
		vfree(buf);
		return NULL;
	}
	return buf;
}

static bool is_load_error(int err)
{
	return err == -ENOEXEC || err == -EINVAL || err == -EIO;
}

/* Where the last PT_LOAD's file contents end: cutting after it (debug info) is harmless. */
static size_t loaded_extent(const void *prog)
{
	const Elf64_Ehdr *eh = prog;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)((const u8 *)prog + eh->e_phoff);
	size_t end = 0;

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset + ph[i].p_filesz > end)
			end = ph[i].p_offset + ph[i].p_filesz;
	return end;
}

static void test_every_truncation_fails_cleanly(struct ktest *t)
{
	size_t len, cut, extent;
	void *prog = read_program("/bin/hello", &len);
	int bad = 0, full;

	if (!prog) {
		ktest_skip(t, "no /bin/hello in the initramfs");
		return;
	}
	full = load_buf(prog, len);
	KTEST_EXPECT_EQ(t, full, 0);
	extent = loaded_extent(prog);
	KTEST_EXPECT_GT(t, extent, 4096);
	KTEST_EXPECT_LE(t, extent, len);
	/* Every length through the headers, then every 509th byte up to the loaded extent. */
	for (cut = 0; cut < extent; cut += cut < 1024 ? 1 : 509) {
		int err = load_buf(prog, cut);

		if (!is_load_error(err)) {
			if (bad++ < 5)
				ktest_log(t, "cut at %zu of %zu: %d", cut, len, err);
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	vfree(prog);
}

static void test_random_header_mutations_never_crash(struct ktest *t)
{
	size_t len;
	void *prog = read_program("/bin/hello", &len);
	u8 *copy;
	u64 seed = 0x9e3779b97f4a7c15ULL;
	int loaded = 0, refused = 0, other = 0;

	if (!prog) {
		ktest_skip(t, "no /bin/hello in the initramfs");
		return;
	}
	copy = vmalloc(len);
	KTEST_ASSERT_NOT_NULL(t, copy);
	for (int round = 0; round < 200; round++) {
		size_t hdr = sizeof(Elf64_Ehdr) + 10 * sizeof(Elf64_Phdr);
		int err;

		memcpy(copy, prog, len);
		for (int k = 0; k < 1 + round % 4; k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			copy[(seed >> 33) % (hdr < len ? hdr : len)] ^=
				(u8)(1u << ((seed >> 20) & 7));
		}
		err = load_buf(copy, len);
		if (!err)
			loaded++;
		else if (is_load_error(err) || err == -ENOMEM || err == -EPERM)
			refused++;
		else
			other++;
	}
	ktest_log(t, "200 mutations: %d loaded, %d refused", loaded, refused);
	KTEST_EXPECT_EQ(t, other, 0);
	vfree(copy);
	vfree(prog);
}

static struct ktest_case exec_cases[] = {
	KTEST_CASE(test_implemented_numbers_reach_their_entry),
	KTEST_CASE(test_every_other_number_is_enosys),
	KTEST_CASE(test_tiny_elf_loads),
	KTEST_CASE(test_pie_is_randomized),
	KTEST_CASE(test_interpreter_is_loaded_beside),
	KTEST_CASE(test_each_malformation_has_its_errno),
	KTEST_CASE(test_every_truncation_fails_cleanly),
	KTEST_CASE(test_random_header_mutations_never_crash),
	{},
};

/* The test file goes, with its pages, before the leak check counts. */
static void exec_exit(struct ktest *t)
{
	do_unlinkat(NULL, TEST_FILE);
	do_unlinkat(NULL, TEST_SCRIPT);
}

static struct ktest_suite exec_suite = { .name = "exec", .cases = exec_cases, .exit = exec_exit };
ktest_register_suite(exec_suite);
