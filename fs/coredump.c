// SPDX-License-Identifier: GPL-2.0
/*
 * Core files, as Linux writes them: when a signal whose default action is "core" kills a
 * dumpable process whose RLIMIT_CORE is a page or more, the thread that took it stops the
 * others (they park at the top of their exit, their registers saved), writes an ELF core
 * file named by /proc/sys/kernel/core_pattern into its working directory, and only if the
 * whole file was written adds 0x80 (WCOREDUMP, CLD_DUMPED) to the group's exit code.
 *
 * The file (the System V gABI's ET_CORE, laid out as Linux's fs/binfmt_elf.c does, so that
 * gdb, readelf and eu-stack read it): the ELF header, one PT_NOTE, then one PT_LOAD per
 * mapping in address order, the data of each at a page-aligned offset. The notes: for the
 * dumping thread NT_PRSTATUS, NT_PRPSINFO, NT_SIGINFO, NT_AUXV, NT_FILE, NT_FPREGSET and
 * NT_X86_XSTATE (with XSAVE); for every other thread NT_PRSTATUS, NT_FPREGSET, NT_X86_XSTATE.
 * What of a mapping is written follows Linux's default coredump_filter (0x33): shared
 * anonymous memory, private anonymous memory once touched, and file mappings with pages
 * written to (a private copy) in full; other file mappings not at all, but the first page of one that starts an ELF file;
 * [vvar] not at all, [vdso] in full. Pages never touched are left as holes (tmpfs keeps
 * them sparse) rather than made.
 *
 * Deviation from Linux: a core_pattern starting with '|' (a pipe to a helper program) is
 * refused by the write (EINVAL): no usermode helper exists to run it.
 */
#include <asm/fpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/coredump.h>
#include <kernel/cred.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/gfp.h>
#include <kernel/lockdep.h>
#include <kernel/mm.h>
#include <kernel/proc_fs.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <uapi/fcntl.h>

#define CORENAME_MAX_SIZE 128 /* core_pattern, its NUL included (Linux's) */
#define CORE_PATH_MAX 256 /* the name a pattern expands to */

/* ---- /proc/sys/kernel/core_pattern and core_uses_pid ------------------------------------ */

static DEFINE_SPINLOCK(core_pattern_lock);
static char core_pattern[CORENAME_MAX_SIZE] = "core"; /* under core_pattern_lock */
static int core_uses_pid; /* read once per dump; a racing write is either value */

int proc_core_pattern_show(struct proc_buf *b, struct task_struct *task)
{
	char pat[CORENAME_MAX_SIZE];
	unsigned long flags;

	spin_lock_irqsave(&core_pattern_lock, flags);
	memcpy(pat, core_pattern, sizeof(pat));
	spin_unlock_irqrestore(&core_pattern_lock, flags);
	return proc_printf(b, "%s\n", pat);
}

/* As Linux's proc_dostring: the string up to a newline or NUL, cut at 127 bytes. */
long proc_core_pattern_write(struct task_struct *task, const char *buf, size_t len)
{
	char pat[CORENAME_MAX_SIZE];
	unsigned long flags;
	size_t n = 0;

	while (n < len && n < sizeof(pat) - 1 && buf[n] && buf[n] != '\n')
		n++;
	memcpy(pat, buf, n);
	pat[n] = '\0';
	if (pat[0] == '|')
		return -EINVAL; /* no helper to pipe the core to (see the top of the file) */
	spin_lock_irqsave(&core_pattern_lock, flags);
	memcpy(core_pattern, pat, sizeof(pat));
	spin_unlock_irqrestore(&core_pattern_lock, flags);
	return len;
}

int proc_core_uses_pid_show(struct proc_buf *b, struct task_struct *task)
{
	return proc_printf(b, "%d\n", READ_ONCE(core_uses_pid));
}

/* An int, as proc_dointvec takes it: optional blanks and sign, digits, a newline. */
long proc_core_uses_pid_write(struct task_struct *task, const char *buf, size_t len)
{
	size_t i = 0;
	bool neg = false, digits = false;
	long v = 0;

	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	if (i < len && (buf[i] == '-' || buf[i] == '+'))
		neg = buf[i++] == '-';
	for (; i < len && buf[i] >= '0' && buf[i] <= '9'; i++) {
		v = v * 10 + (buf[i] - '0');
		if (v > 0x7fffffffL)
			return -EINVAL;
		digits = true;
	}
	while (i < len && (buf[i] == '\n' || buf[i] == ' ' || buf[i] == '\t'))
		i++;
	if (!digits || (i < len && buf[i]))
		return -EINVAL;
	WRITE_ONCE(core_uses_pid, (int)(neg ? -v : v));
	return len;
}

/* ---- stopping the other threads ------------------------------------------------------- */

bool coredump_prepare_locked(struct task_struct *tsk, struct core_state *core)
{
	struct task_struct *t;

	lockdep_assert_held(&tsk->sighand->siglock);
	/* Linux's rule for a core file: less than a page of RLIMIT_CORE is no core at all. */
	if (!tsk->mm || !tsk->fs || !tsk->dumpable || task_rlimit(tsk, RLIMIT_CORE) < PAGE_SIZE ||
	    tsk->signal->core_state)
		return false;
	core->dumper = tsk;
	core->nr_threads = 0;
	core->dumper_thread_list = NULL;
	/* Every other thread not yet past coredump_task_exit will park there. */
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node)
		if (t != tsk && !t->core_passed)
			core->nr_threads++;
	tsk->signal->core_state = core;
	return true;
}

void coredump_task_exit(struct task_struct *tsk)
{
	struct core_thread self = { .task = tsk };
	struct core_state *core;
	unsigned long flags;

	siglock(tsk, &flags);
	tsk->core_passed = true;
	core = tsk->signal->core_state;
	if (!core || core->dumper == tsk) {
		sigunlock(tsk, flags);
		return;
	}
	self.next = core->dumper_thread_list;
	core->dumper_thread_list = &self;
	if (--core->nr_threads == 0)
		wake_up_process(core->dumper);
	sigunlock(tsk, flags);
	/* The dumper reads our registers: sleep (switched out, the FPU saved) until it is done. */
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (!__atomic_load_n(&self.task, __ATOMIC_ACQUIRE))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

static bool dump_interrupted(void)
{
	struct task_struct *t = current;

	/* SIGKILL to the thread or the group: the dump ends, and the process with it. */
	return sigismember(&t->pending.signal, SIGKILL) ||
	       sigismember(&t->signal->shared_pending.signal, SIGKILL);
}

/* Waits until every other thread is parked and off its CPU. False if killed meanwhile. */
static bool coredump_wait(struct core_state *core)
{
	struct task_struct *cur = current;
	struct core_thread *ct;
	unsigned long flags;

	for (;;) {
		set_current_state(TASK_KILLABLE);
		siglock(cur, &flags);
		if (!core->nr_threads || dump_interrupted()) {
			sigunlock(cur, flags);
			break;
		}
		sigunlock(cur, flags);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	if (core->nr_threads)
		return false;
	/* A parked thread may still be on its way out of schedule(): its state is saved after. */
	for (ct = core->dumper_thread_list; ct; ct = ct->next)
		while (READ_ONCE(ct->task->on_cpu))
			cpu_relax();
	return true;
}

static void coredump_finish(struct core_state *core, bool dumped)
{
	struct task_struct *cur = current;
	struct core_thread *ct, *next;
	unsigned long flags;

	siglock(cur, &flags);
	if (dumped && !dump_interrupted())
		cur->signal->group_exit_code |= 0x80;
	cur->signal->core_state = NULL;
	for (ct = core->dumper_thread_list; ct; ct = next) {
		struct task_struct *t = ct->task;

		next = ct->next;
		get_task_struct(t);
		__atomic_store_n(&ct->task, NULL, __ATOMIC_RELEASE); /* ct may be gone after */
		wake_up_process(t);
		put_task_struct(t);
	}
	sigunlock(cur, flags);
}

/* ---- the file's name ------------------------------------------------------------------ */

struct core_name {
	char *buf;
	size_t len;
	bool overflow;
};

/* Appends s; '/' becomes '!' when escape is set, as Linux's cn_esc_printf does for names. */
static void cn_append(struct core_name *cn, const char *s, bool escape)
{
	for (; *s; s++) {
		if (cn->len + 1 >= CORE_PATH_MAX) {
			cn->overflow = true;
			return;
		}
		cn->buf[cn->len++] = escape && *s == '/' ? '!' : *s;
	}
	cn->buf[cn->len] = '\0';
}

static void cn_num(struct core_name *cn, unsigned long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%llu", v);
	cn_append(cn, num, false);
}

static int format_corename(struct core_name *cn, int signr)
{
	const struct cred *cred = current_cred();
	char pat[CORENAME_MAX_SIZE], host[65], comm[TASK_COMM_LEN];
	bool pid_in_pattern = false;
	unsigned long flags;
	const char *p;

	spin_lock_irqsave(&core_pattern_lock, flags);
	memcpy(pat, core_pattern, sizeof(pat));
	spin_unlock_irqrestore(&core_pattern_lock, flags);
	cn->len = 0;
	cn->overflow = false;
	cn->buf[0] = '\0';
	for (p = pat; *p; p++) {
		char one[2] = { *p, '\0' };

		if (*p != '%') {
			cn_append(cn, one, false);
			continue;
		}
		switch (*++p) {
		case '\0':
			p--; /* a lone '%' at the end is dropped */
			break;
		case '%':
			cn_append(cn, "%", false);
			break;
		case 'p': /* the pid, in our only pid namespace: %P's */
		case 'P':
			pid_in_pattern = true;
			cn_num(cn, current->tgid);
			break;
		case 'i': /* the thread id */
		case 'I':
			cn_num(cn, current->pid);
			break;
		case 'u':
			cn_num(cn, cred ? cred->uid : 0);
			break;
		case 'g':
			cn_num(cn, cred ? cred->gid : 0);
			break;
		case 'd':
			cn_num(cn, current->dumpable ? 1 : 0);
			break;
		case 's':
			cn_num(cn, signr);
			break;
		case 't':
			cn_num(cn, ktime_get_real_seconds());
			break;
		case 'h':
			uts_get_nodename(host);
			host[sizeof(host) - 1] = '\0';
			cn_append(cn, host, true);
			break;
		case 'e':
			task_lock(current);
			memcpy(comm, current->comm, sizeof(comm));
			task_unlock(current);
			comm[sizeof(comm) - 1] = '\0';
			cn_append(cn, comm, true);
			break;
		case 'c':
			cn_num(cn, rlimit(RLIMIT_CORE));
			break;
		default: /* Linux drops an unknown specifier */
			break;
		}
	}
	if (!pid_in_pattern && READ_ONCE(core_uses_pid)) {
		cn_append(cn, ".", false);
		cn_num(cn, current->tgid);
	}
	return cn->overflow || !cn->len ? -ENAMETOOLONG : 0;
}

/* ---- the ELF image -------------------------------------------------------------------- */

#define ET_CORE 4
#define PT_NOTE 4
#define NT_PRSTATUS 1
#define NT_PRFPREG 2
#define NT_PRPSINFO 3
#define NT_AUXV 6
#define NT_X86_XSTATE 0x202
#define NT_SIGINFO 0x53494749
#define NT_FILE 0x46494c45
#define ELF_PRARGSZ 80
#define FXSAVE_BYTES 512
#define XSTATE_SW_OFFSET 464 /* the FXSAVE area's sw_reserved bytes: XCR0 for gdb */

/* include/uapi/linux/elfcore.h's structures, as on x86-64 Linux. */
struct elf_siginfo {
	int si_signo;
	int si_code;
	int si_errno;
};

struct core_timeval {
	long tv_sec;
	long tv_usec;
};

struct elf_prstatus {
	struct elf_siginfo pr_info;
	short pr_cursig;
	unsigned long pr_sigpend;
	unsigned long pr_sighold;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct core_timeval pr_utime, pr_stime, pr_cutime, pr_cstime;
	unsigned long pr_reg[27]; /* struct user_regs_struct */
	int pr_fpvalid;
};
_Static_assert(sizeof(struct elf_prstatus) == 336, "Linux's elf_prstatus on x86-64");

struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	unsigned long pr_flag;
	unsigned int pr_uid, pr_gid;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[ELF_PRARGSZ];
};
_Static_assert(sizeof(struct elf_prpsinfo) == 136, "Linux's elf_prpsinfo on x86-64");

/* A mapping as the dump sees it: taken under mmap_lock, written without it. */
struct core_vma {
	unsigned long start, end, flags, pgoff;
	unsigned long dump_size; /* bytes from start written to the file */
	bool faultable; /* pages not mapped yet come from a file or shmem, not zeros */
	struct file *file; /* referenced, for NT_FILE */
};

struct coredump_params {
	struct file *file;
	loff_t pos; /* where the next byte goes */
	unsigned long limit, written; /* RLIMIT_CORE, and what counts against it */
	const struct kernel_siginfo *info;
	struct core_vma *vmas;
	int nr_vmas;
	u8 *notes; /* the PT_NOTE's contents */
	size_t notes_len, notes_size;
};

static size_t note_size(const char *name, size_t desc)
{
	return 12 + ALIGN(strlen(name) + 1, 4) + ALIGN(desc, 4);
}

/* Appends one note: namesz, descsz, type, the name and the description, 4-byte padded. */
static void add_note(struct coredump_params *c, const char *name, u32 type, const void *desc,
		     size_t len)
{
	u32 hdr[3] = { strlen(name) + 1, len, type };
	u8 *p = c->notes + c->notes_len;
	size_t need = note_size(name, len);

	if (c->notes_len + need > c->notes_size)
		return; /* sized before: cannot happen */
	memset(p, 0, need);
	memcpy(p, hdr, sizeof(hdr));
	memcpy(p + 12, name, hdr[0]);
	memcpy(p + 12 + ALIGN(hdr[0], 4), desc, len);
	c->notes_len += need;
}

static void ns_to_core_tv(u64 ns, struct core_timeval *tv)
{
	tv->tv_sec = ns / 1000000000ULL;
	tv->tv_usec = (ns % 1000000000ULL) / 1000;
}

/* struct user_regs_struct, from the registers saved on entry to the kernel. */
static void fill_regs(struct task_struct *t, unsigned long *r)
{
	const struct pt_regs *regs = task_pt_regs(t);
	unsigned long fs = t == current ? x86_read_fsbase() : t->thread.fsbase;
	unsigned long gs = t == current ? x86_read_user_gsbase() : t->thread.gsbase;
	unsigned long v[27] = {
		regs->r15,
		regs->r14,
		regs->r13,
		regs->r12,
		regs->rbp,
		regs->rbx,
		regs->r11,
		regs->r10,
		regs->r9,
		regs->r8,
		regs->rax,
		regs->rcx,
		regs->rdx,
		regs->rsi,
		regs->rdi,
		regs->orig_rax,
		regs->rip,
		regs->cs,
		regs->rflags,
		regs->rsp,
		regs->ss,
		fs,
		gs,
		0,
		0,
		0,
		0, /* ds, es, fs, gs: user selectors are null on x86-64 Linux */
	};

	memcpy(r, v, sizeof(v));
}

static void fill_prstatus(struct elf_prstatus *s, struct task_struct *t, int signr)
{
	struct signal_struct *sig = t->signal;
	u64 ut, st;
	unsigned long flags;

	memset(s, 0, sizeof(*s));
	s->pr_info.si_signo = signr;
	s->pr_cursig = signr;
	s->pr_pid = t->pid;
	s->pr_ppid = task_ppid_nr(t);
	s->pr_pgrp = READ_ONCE(sig->pgrp);
	s->pr_sid = READ_ONCE(sig->session);
	siglock(t, &flags);
	s->pr_sigpend = t->pending.signal.sig[0];
	s->pr_sighold = t->blocked.sig[0];
	if (t == t->group_leader) {
		/* The leader's times are the process's, as Linux's thread_group_cputime. */
		struct task_struct *o;

		ut = sig->utime;
		st = sig->stime;
		list_for_each_entry(o, &sig->thread_head, thread_node) {
			u64 u, s2;

			task_cputime(o, &u, &s2);
			ut += u;
			st += s2;
		}
	} else {
		task_cputime(t, &ut, &st);
	}
	ns_to_core_tv(sig->cutime, &s->pr_cutime);
	ns_to_core_tv(sig->cstime, &s->pr_cstime);
	sigunlock(t, flags);
	ns_to_core_tv(ut, &s->pr_utime);
	ns_to_core_tv(st, &s->pr_stime);
	fill_regs(t, s->pr_reg);
	s->pr_fpvalid = 1;
}

static void fill_psinfo(struct elf_prpsinfo *ps, struct task_struct *t)
{
	const struct cred *cred = current_cred();
	struct mm_struct *mm = t->mm;
	unsigned long len = mm->arg_end - mm->arg_start;

	memset(ps, 0, sizeof(*ps));
	if (len >= ELF_PRARGSZ)
		len = ELF_PRARGSZ - 1;
	if (copy_from_user(ps->pr_psargs, (const void __user *)mm->arg_start, len))
		len = 0;
	for (unsigned long i = 0; i < len; i++)
		if (!ps->pr_psargs[i])
			ps->pr_psargs[i] = ' ';
	ps->pr_psargs[len] = '\0';
	ps->pr_state = 0; /* running: it is writing its own core */
	ps->pr_sname = 'R';
	ps->pr_nice = (char)READ_ONCE(t->nice);
	ps->pr_uid = cred ? cred->uid : 0;
	ps->pr_gid = cred ? cred->gid : 0;
	ps->pr_pid = t->tgid;
	ps->pr_ppid = task_ppid_nr(t);
	ps->pr_pgrp = READ_ONCE(t->signal->pgrp);
	ps->pr_sid = READ_ONCE(t->signal->session);
	task_lock(t);
	memcpy(ps->pr_fname, t->comm, sizeof(ps->pr_fname));
	task_unlock(t);
	ps->pr_fname[sizeof(ps->pr_fname) - 1] = '\0';
}

/* NT_FILE: count, page size, then start/end/offset (in pages) per file mapping, then names. */
static void *fill_files_note(struct coredump_params *c, size_t *lenp)
{
	size_t count = 0, len, names = 0;
	unsigned long *w;
	char *buf, *path, *s;
	int i;

	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return NULL;
	for (i = 0; i < c->nr_vmas; i++) {
		if (!c->vmas[i].file)
			continue;
		count++;
		s = d_path(&c->vmas[i].file->f_path, path, PATH_MAX);
		names += IS_ERR(s) ? 1 : strlen(s) + 1;
	}
	len = (2 + 3 * count) * sizeof(unsigned long) + names;
	buf = kzalloc(len, GFP_KERNEL);
	if (!buf) {
		kfree(path);
		return NULL;
	}
	w = (unsigned long *)buf;
	*w++ = count;
	*w++ = PAGE_SIZE;
	s = (char *)(w + 3 * count);
	for (i = 0; i < c->nr_vmas; i++) {
		const struct core_vma *v = &c->vmas[i];
		char *name;

		if (!v->file)
			continue;
		*w++ = v->start;
		*w++ = v->end;
		*w++ = v->pgoff;
		name = d_path(&v->file->f_path, path, PATH_MAX);
		if (IS_ERR(name))
			name = "";
		memcpy(s, name, strlen(name) + 1);
		s += strlen(name) + 1;
	}
	kfree(path);
	*lenp = len;
	return buf;
}

static const char *vma_special_name(struct vm_area_struct *vma)
{
	return vma->vm_ops && vma->vm_ops->name ? vma->vm_ops->name(vma) : NULL;
}

/*
 * Linux's anon_vma test: does the mapping hold a page of its own (for a private file
 * mapping, one written to; with any, for anonymous memory, one touched)?
 */
static bool vma_has_anon_page(struct mm_struct *mm, struct vm_area_struct *vma, bool any)
{
	for (unsigned long a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
		pte_t *ptep = pte_walk(mm->pgd, a, false);
		phys_addr_t pa;

		if (!ptep || !pte_present(ptep_get(ptep)))
			continue;
		pa = pte_phys(ptep_get(ptep));
		if (pfn_valid(pa >> PAGE_SHIFT) && (any || PageAnon(phys_to_page(pa))))
			return true;
	}
	return false;
}

/* Does the file start with ELF's magic (read from the page cache, without mmap_lock)? */
static bool file_is_elf(struct file *file)
{
	char magic[SELFMAG];
	loff_t pos = 0;

	return kernel_read(file, magic, SELFMAG, &pos) == SELFMAG &&
	       !memcmp(magic, ELFMAG, SELFMAG);
}

#define ELF_HEADER_CHECK 1UL /* a dump size: a page if the file is ELF, else nothing */

/* Linux's vma_dump_size with coredump_filter 0x33. Called with mmap_lock held. */
static unsigned long vma_dump_size(struct mm_struct *mm, struct vm_area_struct *vma)
{
	const char *name = vma_special_name(vma);
	unsigned long size = vma->vm_end - vma->vm_start;

	if (name && !strcmp(name, "[vvar]"))
		return 0; /* the kernel's data page, as Linux's VM_IO mapping of it */
	if (name)
		return size; /* [vdso] */
	if (!vma->vm_file) /* shared anonymous in full; private only if touched, as on Linux */
		return (vma->vm_flags & VM_SHARED) || vma_has_anon_page(mm, vma, true) ? size : 0;
	if (vma->vm_flags & VM_SHARED)
		return 0; /* MMF_DUMP_MAPPED_SHARED is off */
	if (vma_has_anon_page(mm, vma, false))
		return size;
	/* Its first page if that starts an ELF file: looked at after mmap_lock is let go. */
	return !vma->vm_pgoff && (vma->vm_flags & VM_READ) ? ELF_HEADER_CHECK : 0;
}

static int snapshot_vmas(struct coredump_params *c, struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct rb_node *n;
	int i = 0;

	mmap_read_lock(mm);
	c->vmas = kcalloc(mm->map_count ? mm->map_count : 1, sizeof(*c->vmas), GFP_KERNEL);
	if (!c->vmas) {
		mmap_read_unlock(mm);
		return -ENOMEM;
	}
	for (n = rb_first(&mm->mm_rb); n && i < mm->map_count; n = rb_next(n), i++) {
		struct core_vma *v = &c->vmas[i];

		vma = rb_entry(n, struct vm_area_struct, vm_rb);
		v->start = vma->vm_start;
		v->end = vma->vm_end;
		v->flags = vma->vm_flags;
		v->pgoff = vma->vm_pgoff;
		v->faultable = vma->vm_ops && vma->vm_ops->fault && !vma_special_name(vma);
		v->file = vma->vm_file ? get_file(vma->vm_file) : NULL;
		v->dump_size = vma_dump_size(mm, vma);
	}
	c->nr_vmas = i;
	mmap_read_unlock(mm);
	for (i = 0; i < c->nr_vmas; i++)
		if (c->vmas[i].dump_size == ELF_HEADER_CHECK)
			c->vmas[i].dump_size = file_is_elf(c->vmas[i].file) ? PAGE_SIZE : 0;
	return 0;
}

/* ---- writing -------------------------------------------------------------------------- */

/* Writes len bytes at c->pos, within RLIMIT_CORE: false (the dump ends) if not all fit. */
static bool dump_emit(struct coredump_params *c, const void *buf, size_t len)
{
	ssize_t n;

	if (dump_interrupted() || c->written + len > c->limit)
		return false;
	n = kernel_write(c->file, buf, len, &c->pos);
	if (n != (ssize_t)len)
		return false;
	c->written += len;
	return true;
}

/* A hole: the offset moves on; the file is made long enough at the end. */
static bool dump_skip(struct coredump_params *c, size_t len)
{
	if (dump_interrupted() || c->written + len > c->limit)
		return false;
	c->pos += len;
	c->written += len;
	return true;
}

static bool dump_pad_to(struct coredump_params *c, loff_t off)
{
	static const u8 zeros[64];

	while (c->pos < off) {
		size_t n = off - c->pos < (loff_t)sizeof(zeros) ? (size_t)(off - c->pos)
								: sizeof(zeros);

		if (!dump_emit(c, zeros, n))
			return false;
	}
	return true;
}

/*
 * The page at addr, referenced, or NULL for a hole (anonymous memory never touched, or
 * nothing there). File and shmem pages not mapped yet are read in, as a read would.
 */
static struct page *dump_page(struct mm_struct *mm, const struct core_vma *v, unsigned long addr)
{
	for (int tries = 0; tries < 2; tries++) {
		struct page *page;

		mmap_read_lock(mm);
		page = get_mapped_page(mm, addr);
		mmap_read_unlock(mm);
		if (page)
			return page;
		if (!v->faultable || !(v->flags & VM_READ) || tries || handle_mm_fault(mm, addr, 0))
			return NULL;
	}
	return NULL;
}

static bool dump_vma(struct coredump_params *c, struct mm_struct *mm, const struct core_vma *v)
{
	for (unsigned long a = v->start; a < v->start + v->dump_size; a += PAGE_SIZE) {
		struct page *page = dump_page(mm, v, a);
		bool ok;

		if (!page) {
			ok = dump_skip(c, PAGE_SIZE);
		} else {
			ok = dump_emit(c, page_address(page), PAGE_SIZE);
			put_page(page);
		}
		if (!ok)
			return false;
	}
	return true;
}

/* The register notes of a thread: the FXSAVE area, and the XSAVE one where the CPU has it. */
static void add_fpu_notes(struct coredump_params *c, struct task_struct *t, u8 *scratch)
{
	unsigned int size = fpu_state_size();

	fpu_sync_state(t);
	add_note(c, "CORE", NT_PRFPREG, t->thread.fpu.state, FXSAVE_BYTES);
	if (!fpu_uses_xsave())
		return;
	memcpy(scratch, t->thread.fpu.state, size);
	/* gdb learns which components the area has from XCR0 kept in sw_reserved. */
	*(u64 *)(scratch + XSTATE_SW_OFFSET) = fpu_xfeatures();
	add_note(c, "LINUX", NT_X86_XSTATE, scratch, size);
}

static size_t fpu_notes_size(void)
{
	size_t n = note_size("CORE", FXSAVE_BYTES);

	if (fpu_uses_xsave())
		n += note_size("LINUX", fpu_state_size());
	return n;
}

static size_t auxv_len(const struct mm_struct *mm)
{
	size_t i = 0;

	while (i + 2 <= MM_SAVED_AUXV && mm->saved_auxv[i] != AT_NULL)
		i += 2;
	return (i + 2 <= MM_SAVED_AUXV ? i + 2 : i) * sizeof(unsigned long);
}

static int fill_notes(struct coredump_params *c, struct core_state *core, int signr)
{
	struct task_struct *cur = current;
	struct elf_prstatus *prs;
	struct elf_prpsinfo *psinfo;
	struct core_thread *ct;
	size_t files_len = 0, nthreads = 1;
	void *files;
	u8 *scratch = NULL;
	int err = -ENOMEM;

	for (ct = core->dumper_thread_list; ct; ct = ct->next)
		nthreads++;
	files = fill_files_note(c, &files_len);
	prs = kmalloc(sizeof(*prs), GFP_KERNEL);
	psinfo = kmalloc(sizeof(*psinfo), GFP_KERNEL);
	if (fpu_uses_xsave())
		scratch = kmalloc(fpu_state_size(), GFP_KERNEL);
	if (!files || !prs || !psinfo || (fpu_uses_xsave() && !scratch))
		goto out;
	c->notes_size = nthreads * (note_size("CORE", sizeof(*prs)) + fpu_notes_size()) +
			note_size("CORE", sizeof(*psinfo)) +
			note_size("CORE", sizeof(struct kernel_siginfo)) +
			note_size("CORE", auxv_len(cur->mm)) + note_size("CORE", files_len);
	c->notes = kzalloc(c->notes_size, GFP_KERNEL);
	if (!c->notes)
		goto out;
	/* The dumping thread first, with the process's notes, as Linux orders them. */
	fill_prstatus(prs, cur, signr);
	add_note(c, "CORE", NT_PRSTATUS, prs, sizeof(*prs));
	fill_psinfo(psinfo, cur);
	add_note(c, "CORE", NT_PRPSINFO, psinfo, sizeof(*psinfo));
	add_note(c, "CORE", NT_SIGINFO, c->info, sizeof(*c->info));
	add_note(c, "CORE", NT_AUXV, cur->mm->saved_auxv, auxv_len(cur->mm));
	add_note(c, "CORE", NT_FILE, files, files_len);
	add_fpu_notes(c, cur, scratch);
	for (ct = core->dumper_thread_list; ct; ct = ct->next) {
		fill_prstatus(prs, ct->task, signr);
		add_note(c, "CORE", NT_PRSTATUS, prs, sizeof(*prs));
		add_fpu_notes(c, ct->task, scratch);
	}
	err = 0;
out:
	kfree(scratch);
	kfree(psinfo);
	kfree(prs);
	kfree(files);
	return err;
}

/* The header, the program headers, the notes, the mappings: until one does not fit. */
static void write_image(struct coredump_params *c, struct mm_struct *mm)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	loff_t data;
	int i;

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_CORE;
	eh.e_machine = EM_X86_64;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = c->nr_vmas + 1;
	if (!dump_emit(c, &eh, sizeof(eh)))
		return;

	memset(&ph, 0, sizeof(ph));
	ph.p_type = PT_NOTE;
	ph.p_offset = sizeof(eh) + (c->nr_vmas + 1) * sizeof(Elf64_Phdr);
	ph.p_filesz = c->notes_len;
	ph.p_align = 4;
	if (!dump_emit(c, &ph, sizeof(ph)))
		return;
	data = ALIGN(ph.p_offset + c->notes_len, PAGE_SIZE);
	for (i = 0; i < c->nr_vmas; i++) {
		const struct core_vma *v = &c->vmas[i];

		memset(&ph, 0, sizeof(ph));
		ph.p_type = PT_LOAD;
		ph.p_offset = data;
		ph.p_vaddr = v->start;
		ph.p_filesz = v->dump_size;
		ph.p_memsz = v->end - v->start;
		ph.p_flags = (v->flags & VM_READ ? PF_R : 0) | (v->flags & VM_WRITE ? PF_W : 0) |
			     (v->flags & VM_EXEC ? PF_X : 0);
		ph.p_align = PAGE_SIZE;
		data += v->dump_size;
		if (!dump_emit(c, &ph, sizeof(ph)))
			return;
	}
	if (!dump_emit(c, c->notes, c->notes_len))
		return;
	if (!dump_pad_to(c, ALIGN(c->pos, PAGE_SIZE)))
		return;
	for (i = 0; i < c->nr_vmas; i++)
		if (!dump_vma(c, mm, &c->vmas[i]))
			return;
}

/*
 * The image, up to RLIMIT_CORE. As on Linux, a dump counts (0x80) once its notes are made,
 * even if the limit or a failed write cuts the file short.
 */
static bool elf_core_dump(struct coredump_params *c, struct core_state *core, int signr)
{
	struct mm_struct *mm = current->mm;

	if (snapshot_vmas(c, mm) || fill_notes(c, core, signr))
		return false;
	if (c->nr_vmas + 1 >= 0xffff)
		return false; /* PN_XNUM's extended numbering is not written */
	write_image(c, mm);
	return true;
}

/*
 * Opens the core file as Linux does for a plain name: whatever has the name is unlinked
 * first (a symlink, our old core; not another user's file in a sticky directory), and the
 * file is made anew, never through a symlink; a file that is not a plain one of ours, with
 * one link, is refused.
 */
static struct file *open_core_file(const char *name)
{
	const struct cred *cred = current_cred();
	struct file *file;
	struct inode *inode;
	struct path pwd;
	int err = -EPERM;

	get_fs_pwd(current->fs, &pwd);
	do_unlinkat(&pwd, name);
	path_put(&pwd);
	file = filp_open(name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_LARGEFILE, 0600);
	if (IS_ERR(file))
		return file;
	inode = file->f_inode;
	if (inode->i_nlink > 1 || !S_ISREG(inode->i_mode) ||
	    inode->i_uid != (cred ? cred->fsuid : 0) || !file->f_op->write)
		goto out_fput;
	err = vfs_ftruncate(file, 0);
	if (err)
		goto out_fput;
	return file;
out_fput:
	fput(file);
	return ERR_PTR(err);
}

void do_coredump(struct core_state *core, const struct kernel_siginfo *info)
{
	struct coredump_params c = { .info = info, .limit = rlimit(RLIMIT_CORE) };
	struct core_name cn;
	bool dumped = false;
	int i;

	if (!coredump_wait(core))
		goto out;
	cn.buf = kmalloc(CORE_PATH_MAX, GFP_KERNEL);
	if (!cn.buf)
		goto out;
	if (format_corename(&cn, info->si_signo))
		goto out_name;
	c.file = open_core_file(cn.buf);
	if (IS_ERR(c.file))
		goto out_name;
	dumped = elf_core_dump(&c, core, info->si_signo);
	/* A hole at the end still counts in the file's size, as gdb expects. */
	if (dumped && c.pos > READ_ONCE(c.file->f_inode->i_size))
		vfs_ftruncate(c.file, c.pos);
	fput(c.file);
out_name:
	kfree(cn.buf);
out:
	for (i = 0; i < c.nr_vmas; i++)
		if (c.vmas[i].file)
			fput(c.vmas[i].file);
	kfree(c.vmas);
	kfree(c.notes);
	coredump_finish(core, dumped);
}
