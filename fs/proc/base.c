// SPDX-License-Identifier: GPL-2.0
/*
 * What the files of /proc/PID and /proc/PID/task/TID say, in Linux's layouts (proc(5)):
 * stat, status, statm, cmdline, environ, maps, comm, fdinfo, the exe/cwd/root and fd/
 * links, and our strace knob. Each reads the task under the lock that guards the field:
 * task_lock for mm, files, fs and comm, the siglock for the thread group and the signal
 * state, the run queue's lock (task_cputime) for the CPU times.
 */
#include <asm/pgtable.h>
#include <kernel/cred.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/mm.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/strace.h>
#include <kernel/tty.h>
#include <uapi/fcntl.h>

#define PF_KTHREAD 0x00200000u
#define KB(pages) ((unsigned long)(pages) << (PAGE_SHIFT - 10))
#define PROC_ARGS_MAX (256 * 1024)

/* ---- what several files share ------------------------------------------------------- */

static void get_task_comm(char *buf, struct task_struct *p)
{
	task_lock(p);
	memcpy(buf, p->comm, TASK_COMM_LEN);
	task_unlock(p);
	buf[TASK_COMM_LEN - 1] = '\0';
}

static char task_state_char(const struct task_struct *p)
{
	if (p->exit_state & EXIT_ZOMBIE)
		return 'Z';
	switch (READ_ONCE(p->state) & ~TASK_WAKEKILL) { /* killable is 'D' too, as Linux */
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	default:
		return 'X';
	}
}

static const char *task_state_name(char c)
{
	switch (c) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'Z':
		return "Z (zombie)";
	default:
		return "X (dead)";
	}
}

/* A kernel thread has no address space; a process has one until it exits. */
static bool is_kthread(const struct task_struct *p, bool has_mm)
{
	return !has_mm && !p->exit_state && READ_ONCE(p->state) != TASK_DEAD;
}

/* The times and counts of one thread, or of the whole group (whole). */
struct task_acct {
	u64 utime, stime, cutime, cstime; /* ns */
	unsigned long min_flt, maj_flt;
	int nr_threads;
	/* Signals: pending to the thread (or any thread), blocked, ignored, caught. */
	sigset_t pending, shpending, blocked, ignored, caught;
	unsigned int queued;
	unsigned long sigpending_limit;
	unsigned long rss_limit;
	int pgrp, session;
};

static unsigned int count_queued(const struct sigpending *p)
{
	unsigned int n = 0;
	const struct list_head *pos;

	list_for_each(pos, &p->list)
		n++;
	return n;
}

static void task_acct(struct task_struct *p, bool whole, struct task_acct *a)
{
	struct signal_struct *sig = p->signal;
	struct sighand_struct *sh = p->sighand;
	struct task_struct *t;
	unsigned long flags;
	u64 ut, st;

	memset(a, 0, sizeof(*a));
	spin_lock_irqsave(&sh->siglock, flags);
	a->nr_threads = sig->nr_threads;
	a->pgrp = sig->pgrp;
	a->session = sig->session;
	a->cutime = sig->cutime;
	a->cstime = sig->cstime;
	a->rss_limit = sig->rlim[RLIMIT_RSS].rlim_cur;
	a->sigpending_limit = sig->rlim[RLIMIT_SIGPENDING].rlim_cur;
	a->pending = p->pending.signal;
	a->shpending = sig->shared_pending.signal;
	a->blocked = p->blocked;
	a->queued = count_queued(&p->pending) + count_queued(&sig->shared_pending);
	for (int s = 1; s <= _NSIG; s++) {
		void __user *h = sh->action[s - 1].sa_handler;

		if (h == SIG_IGN)
			sigaddset(&a->ignored, s);
		else if (h != SIG_DFL)
			sigaddset(&a->caught, s);
	}
	if (whole) {
		/* The threads that ended are in signal's sums, the live ones in their own. */
		a->utime = sig->utime;
		a->stime = sig->stime;
		list_for_each_entry(t, &sig->thread_head, thread_node) {
			task_cputime(t, &ut, &st);
			a->utime += ut;
			a->stime += st;
			a->min_flt += t->min_flt;
			a->maj_flt += t->maj_flt;
		}
		if (list_empty(&sig->thread_head)) {
			task_cputime(p, &a->utime, &a->stime);
			a->min_flt = p->min_flt;
			a->maj_flt = p->maj_flt;
		}
	} else {
		task_cputime(p, &a->utime, &a->stime);
		a->min_flt = p->min_flt;
		a->maj_flt = p->maj_flt;
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (!a->nr_threads)
		a->nr_threads = 1;
}

/* An address space's sizes, in pages, counted over its mappings and page tables. */
struct mm_counts {
	unsigned long total, rss_anon, rss_file, data, stack, exec;
	unsigned long start_stack, arg_start, arg_end, env_start, env_end, start_brk;
};

static int count_present(pte_t *pte, unsigned long va, void *arg)
{
	if (pte_present(ptep_get(pte)))
		(*(unsigned long *)arg)++;
	return 0;
}

static bool mm_counts(struct task_struct *p, struct mm_counts *c)
{
	struct mm_struct *mm = get_task_mm(p);
	struct rb_node *n;

	memset(c, 0, sizeof(*c));
	if (!mm)
		return false;
	mmap_read_lock(mm);
	c->total = mm->total_vm;
	for (n = rb_first(&mm->mm_rb); n; n = rb_next(n)) {
		const struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);
		unsigned long pages = (v->vm_end - v->vm_start) >> PAGE_SHIFT, present = 0;

		walk_pte_range(mm->pgd, v->vm_start, v->vm_end, count_present, &present);
		if (v->vm_file && !(v->vm_flags & VM_WRITE && !(v->vm_flags & VM_SHARED)))
			c->rss_file += present;
		else
			c->rss_anon += present;
		if (v->vm_flags & VM_GROWSDOWN)
			c->stack += pages;
		else if ((v->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			c->data += pages;
		else if ((v->vm_flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
			c->exec += pages;
	}
	c->start_stack = mm->start_stack;
	c->arg_start = mm->arg_start;
	c->arg_end = mm->arg_end;
	c->env_start = mm->env_start;
	c->env_end = mm->env_end;
	c->start_brk = mm->start_brk;
	mmap_read_unlock(mm);
	mmput(mm);
	return true;
}

/* ---- stat, status, statm ------------------------------------------------------------ */

/*
 * stat's tty_nr (the controlling terminal, in the user-space dev_t encoding of Linux's
 * new_encode_dev: ps names the terminal from it) and tpgid (its foreground group, -1 for
 * none). The signal's tty is under family_lock.
 */
static void task_tty(struct task_struct *p, unsigned int *tty_nr, int *tpgid)
{
	struct tty_struct *tty;
	unsigned long flags;

	*tty_nr = 0;
	*tpgid = -1;
	spin_lock_irqsave(&family_lock, flags);
	tty = p->signal ? p->signal->tty : NULL;
	if (tty) {
		unsigned int major = tty->driver->major;
		unsigned int minor = tty->driver->minor_start + tty->index;

		*tty_nr = (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
		*tpgid = tty->pgrp ? tty->pgrp : -1;
	}
	spin_unlock_irqrestore(&family_lock, flags);
}

static int do_task_stat(struct proc_buf *b, struct task_struct *p, bool whole)
{
	struct task_struct *leader = whole ? p->group_leader : p;
	char comm[TASK_COMM_LEN];
	struct task_acct a;
	struct mm_counts c;
	bool has_mm = mm_counts(leader, &c);
	u64 start = nsec_to_clock_t(p->start_time);
	unsigned int tty_nr;
	int tpgid;

	get_task_comm(comm, p);
	task_acct(p, whole, &a);
	task_tty(p, &tty_nr, &tpgid);
	/* 52 fields (proc(5)); what the kernel does not keep is 0, as Linux prints it then. */
	proc_printf(b, "%d (%s) %c %d %d %d %u %d %u %lu 0 %lu 0 %lu %lu %lu %lu %d %d %d 0 %lu ",
		    p->pid, comm, task_state_char(p), task_ppid_nr(p), a.pgrp, a.session, tty_nr,
		    tpgid, is_kthread(p, has_mm) ? PF_KTHREAD : 0, a.min_flt, a.maj_flt,
		    nsec_to_clock_t(a.utime), nsec_to_clock_t(a.stime),
		    whole ? nsec_to_clock_t(a.cutime) : 0, whole ? nsec_to_clock_t(a.cstime) : 0,
		    20 + p->nice, p->nice, a.nr_threads, start);
	proc_printf(b, "%lu %lu %lu 0 0 %lu 0 0 %lu %lu %lu %lu 0 0 0 %d %d 0 0 0 0 0 ",
		    c.total << PAGE_SHIFT, c.rss_anon + c.rss_file, a.rss_limit, c.start_stack,
		    (a.pending.sig[0] | a.shpending.sig[0]), a.blocked.sig[0], a.ignored.sig[0],
		    a.caught.sig[0], p->exit_signal, READ_ONCE(p->cpu));
	return proc_printf(b, "0 0 %lu %lu %lu %lu %lu %d\n", c.start_brk, c.arg_start, c.arg_end,
			   c.env_start, c.env_end,
			   (p->exit_state & EXIT_ZOMBIE) ? p->exit_status : 0);
}

int proc_tgid_stat_show(struct proc_buf *b, struct task_struct *p)
{
	return do_task_stat(b, p, true);
}

int proc_tid_stat_show(struct proc_buf *b, struct task_struct *p)
{
	return do_task_stat(b, p, false);
}

static void render_cap(struct proc_buf *b, const char *name, u64 v)
{
	proc_printf(b, "%s:\t%016llx\n", name, (unsigned long long)v);
}

static void vm_line(struct proc_buf *b, const char *name, unsigned long kb)
{
	proc_printf(b, "%s\t%8lu kB\n", name, kb);
}

static int fd_size(struct task_struct *p)
{
	return p->files ? NR_OPEN_DEFAULT : 0;
}

int proc_pid_status_show(struct proc_buf *b, struct task_struct *p)
{
	const struct cred *cr = get_task_cred(p);
	cpumask_t allowed =
		p->cpus_allowed & ((nr_cpu_ids >= 64) ? ~0ULL : ((1ULL << nr_cpu_ids) - 1));
	char comm[TASK_COMM_LEN], state = task_state_char(p);
	bool root = cr->euid == 0;
	umode_t umask = 0022;
	struct task_acct a;
	struct mm_counts c;
	bool has_mm = mm_counts(p, &c);
	int ppid = task_ppid_nr(p);

	get_task_comm(comm, p);
	task_lock(p);
	if (p->fs)
		umask = p->fs->umask;
	task_unlock(p);
	task_acct(p, true, &a);
	proc_printf(b, "Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n", comm,
		    umask, task_state_name(state), p->tgid, p->pid);
	proc_printf(b, "PPid:\t%d\nTracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		    ppid, cr->uid, cr->euid, cr->euid, cr->fsuid, cr->gid, cr->egid, cr->egid,
		    cr->fsgid);
	put_cred(cr);
	proc_printf(b,
		    "FDSize:\t%d\nGroups:\t \nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		    fd_size(p), p->tgid, p->pid, a.pgrp, a.session);
	proc_printf(b, "Kthread:\t%d\n", is_kthread(p, has_mm) ? 1 : 0);
	if (has_mm) {
		unsigned long rss = c.rss_anon + c.rss_file;

		/* No high-water marks are kept: the peaks are the current sizes. */
		vm_line(b, "VmPeak:", KB(c.total));
		vm_line(b, "VmSize:", KB(c.total));
		vm_line(b, "VmLck:", 0);
		vm_line(b, "VmPin:", 0);
		vm_line(b, "VmHWM:", KB(rss));
		vm_line(b, "VmRSS:", KB(rss));
		proc_printf(b, "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
			    KB(c.rss_anon), KB(c.rss_file), 0UL);
		vm_line(b, "VmData:", KB(c.data));
		vm_line(b, "VmStk:", KB(c.stack));
		vm_line(b, "VmExe:", KB(c.exec));
		vm_line(b, "VmLib:", 0);
		vm_line(b, "VmPTE:", 0);
		vm_line(b, "VmSwap:", 0);
		proc_printf(b, "HugetlbPages:\t%8lu kB\n", 0UL);
	}
	proc_printf(b, "CoreDumping:\t0\nThreads:\t%d\nSigQ:\t%u/%lu\n", a.nr_threads, a.queued,
		    a.sigpending_limit);
	proc_printf(b,
		    "SigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\nSigIgn:\t%016lx\n"
		    "SigCgt:\t%016lx\n",
		    a.pending.sig[0], a.shpending.sig[0], a.blocked.sig[0], a.ignored.sig[0],
		    a.caught.sig[0]);
	/* Root has every capability, as Linux gives it (CAP_LAST_CAP 40), others none. */
	render_cap(b, "CapInh", 0);
	render_cap(b, "CapPrm", root ? 0x1ffffffffffULL : 0);
	render_cap(b, "CapEff", root ? 0x1ffffffffffULL : 0);
	render_cap(b, "CapBnd", 0x1ffffffffffULL);
	render_cap(b, "CapAmb", 0);
	proc_printf(b, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	proc_printf(b, "Cpus_allowed:\t%llx\nCpus_allowed_list:\t", (unsigned long long)allowed);
	for (int cpu = 0, first = 1; cpu < 64; cpu++) {
		int end = cpu;

		if (!(allowed & (1ULL << cpu)))
			continue;
		while (end + 1 < 64 && (allowed & (1ULL << (end + 1))))
			end++;
		if (end > cpu)
			proc_printf(b, "%s%d-%d", first ? "" : ",", cpu, end);
		else
			proc_printf(b, "%s%d", first ? "" : ",", cpu);
		first = 0;
		cpu = end;
	}
	proc_printf(b, "\nMems_allowed:\t1\nMems_allowed_list:\t0\n");
	return proc_printf(b, "voluntary_ctxt_switches:\t%llu\nnonvoluntary_ctxt_switches:\t0\n",
			   (unsigned long long)p->nr_switches);
}

int proc_pid_statm_show(struct proc_buf *b, struct task_struct *p)
{
	struct mm_counts c;

	mm_counts(p, &c);
	return proc_printf(b, "%lu %lu %lu %lu 0 %lu 0\n", c.total, c.rss_anon + c.rss_file,
			   c.rss_file, c.exec, c.data + c.stack);
}

/* ---- cmdline, environ --------------------------------------------------------------- */

static int show_user_range(struct proc_buf *b, struct task_struct *p, bool env)
{
	struct mm_struct *mm = get_task_mm(p);
	unsigned long start, end;
	char *page;
	int err = 0;

	if (!mm)
		return 0; /* kernel threads and zombies: empty, as on Linux */
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	if (end - start > PROC_ARGS_MAX)
		end = start + PROC_ARGS_MAX;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		mmput(mm);
		return -ENOMEM;
	}
	while (start < end && !err) {
		int n = end - start > PAGE_SIZE ? PAGE_SIZE : end - start;
		int got = access_remote_vm(mm, start, page, n, 0);

		if (got <= 0)
			break;
		err = proc_write_bytes(b, page, got);
		start += got;
	}
	kfree(page);
	mmput(mm);
	return err;
}

int proc_pid_cmdline_show(struct proc_buf *b, struct task_struct *p)
{
	return show_user_range(b, p, false);
}

int proc_pid_environ_show(struct proc_buf *b, struct task_struct *p)
{
	return show_user_range(b, p, true);
}

/* ---- maps ---------------------------------------------------------------------------- */

#define MAPS_NAME_COLUMN 73 /* where names start: 25 + 6 * sizeof(void *), as Linux pads */

int proc_pid_maps_show(struct proc_buf *b, struct task_struct *p)
{
	struct mm_struct *mm = get_task_mm(p);
	char *path = NULL;
	struct rb_node *n;
	int err = 0;

	if (!mm)
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path) {
		mmput(mm);
		return -ENOMEM;
	}
	mmap_read_lock(mm);
	for (n = rb_first(&mm->mm_rb); n && !err; n = rb_next(n)) {
		struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);
		const char *name = NULL;
		unsigned long ino = 0;
		dev_t dev = 0;
		size_t start = b->len;

		if (v->vm_file) {
			struct inode *inode = v->vm_file->f_inode;

			dev = inode->i_sb->s_dev;
			ino = inode->i_ino;
			name = d_path(&v->vm_file->f_path, path, PATH_MAX);
			if (IS_ERR(name))
				name = NULL;
		} else if (v->vm_ops && v->vm_ops->name) {
			name = v->vm_ops->name(v);
		} else if (v->vm_start < mm->brk && v->vm_end > mm->start_brk) {
			name = "[heap]";
		} else if (v->vm_start <= mm->start_stack && v->vm_end >= mm->start_stack) {
			name = "[stack]";
		}
		err = proc_printf(
			b, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", v->vm_start, v->vm_end,
			v->vm_flags & VM_READ ? 'r' : '-', v->vm_flags & VM_WRITE ? 'w' : '-',
			v->vm_flags & VM_EXEC ? 'x' : '-', v->vm_flags & VM_SHARED ? 's' : 'p',
			v->vm_file ? v->vm_pgoff << PAGE_SHIFT : 0, MAJOR(dev), MINOR(dev), ino);
		if (!err && name) {
			/* Padded to the column before, then one space: Linux's seq_pad. */
			int pad = MAPS_NAME_COLUMN - 1 - (int)(b->len - start);

			err = proc_printf(b, "%*s %s", pad > 0 ? pad : 0, "", name);
		}
		if (!err)
			err = proc_printf(b, "\n");
	}
	mmap_read_unlock(mm);
	mmput(mm);
	kfree(path);
	return err;
}

/* ---- comm, strace ------------------------------------------------------------------- */

int proc_pid_comm_show(struct proc_buf *b, struct task_struct *p)
{
	char comm[TASK_COMM_LEN];

	get_task_comm(comm, p);
	return proc_printf(b, "%s\n", comm);
}

/* Only a thread of the same process may rename it (EINVAL otherwise, as Linux says). */
long proc_pid_comm_write(struct task_struct *p, const char *buf, size_t len)
{
	size_t n = len < TASK_COMM_LEN - 1 ? len : TASK_COMM_LEN - 1;

	if (p->tgid != current->tgid)
		return -EINVAL;
	task_lock(p);
	memset(p->comm, 0, TASK_COMM_LEN);
	memcpy(p->comm, buf, n);
	task_unlock(p);
	return len;
}

int proc_pid_strace_show(struct proc_buf *b, struct task_struct *p)
{
	return proc_printf(b, "%d\n", test_tsk_thread_flag(p, TIF_SYSCALL_TRACE) ? 1 : 0);
}

long proc_pid_strace_write(struct task_struct *p, const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	if (i == len || (buf[i] != '0' && buf[i] != '1'))
		return -EINVAL;
	if (i + 1 < len && buf[i + 1] != '\n')
		return -EINVAL;
	strace_set(p, buf[i] == '1');
	return len;
}

/* ---- descriptors, links ---------------------------------------------------------------- */

static struct files_struct *get_task_files(struct task_struct *p)
{
	struct files_struct *files;

	task_lock(p);
	files = p->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(p);
	return files;
}

int proc_next_fd(struct task_struct *p, int fd)
{
	struct files_struct *files = get_task_files(p);
	unsigned long flags;
	int next = -1;

	if (!files)
		return -1;
	spin_lock_irqsave(&files->file_lock, flags);
	for (int i = fd < 0 ? 0 : fd + 1; i < NR_OPEN_DEFAULT; i++) {
		if (files->fd[i]) {
			next = i;
			break;
		}
	}
	spin_unlock_irqrestore(&files->file_lock, flags);
	put_files_struct(files);
	return next;
}

int proc_next_tid(struct task_struct *p, int tid)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	unsigned long flags;
	int next = -1;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	list_for_each_entry(t, &sig->thread_head, thread_node)
		if (t->pid > tid && (next < 0 || t->pid < next))
			next = t->pid;
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (list_empty(&sig->thread_head) && p->pid > tid)
		next = p->pid; /* a task not in a group list yet: itself */
	return next;
}

/* The file at fd of p, referenced, and whether it is close-on-exec. */
static struct file *task_fget(struct task_struct *p, int fd, bool *cloexec)
{
	struct files_struct *files = get_task_files(p);
	struct file *file;

	if (!files)
		return NULL;
	file = fget_from(files, fd);
	if (cloexec)
		*cloexec = fd_is_cloexec(files, fd);
	put_files_struct(files);
	return file;
}

/* A file's name as Linux's d_path gives it, pseudo files included ("pipe:[123]"). */
static int file_path(struct file *file, char *buf)
{
	struct inode *inode = file->f_inode;
	const char *fs = inode->i_sb->s_type ? inode->i_sb->s_type->name : "";
	char *p;

	if (!strcmp(fs, "pipefs"))
		return snprintf(buf, PATH_MAX, "pipe:[%lu]", inode->i_ino) < 0;
	if (!strcmp(fs, "sockfs") || S_ISSOCK(inode->i_mode))
		return snprintf(buf, PATH_MAX, "socket:[%lu]", inode->i_ino) < 0;
	if (!strcmp(fs, "anon_inodefs")) {
		char name[NAME_MAX + 1];

		if (d_name_copy(file->f_path.dentry, name, sizeof(name)) < 0)
			return -ENAMETOOLONG;
		snprintf(buf, PATH_MAX, "anon_inode:%s", name);
		return 0;
	}
	if (!file->f_path.dentry)
		return -ENOENT;
	p = d_path(&file->f_path, buf, PATH_MAX);
	if (IS_ERR(p))
		return PTR_ERR(p);
	memmove(buf, p, strlen(p) + 1);
	return 0;
}

int proc_fd_link(struct task_struct *p, int fd, char *buf)
{
	struct file *file = task_fget(p, fd, NULL);
	int err;

	if (!file)
		return -ENOENT;
	err = file_path(file, buf);
	fput(file);
	return err;
}

int proc_exe_link(struct task_struct *p, int fd, char *buf)
{
	struct mm_struct *mm = get_task_mm(p);
	int err = -ENOENT;

	if (!mm)
		return -ENOENT;
	if (mm->exe_file)
		err = file_path(mm->exe_file, buf);
	mmput(mm);
	return err;
}

static int fs_link(struct task_struct *p, char *buf, bool root)
{
	struct path path;
	char *s;

	task_lock(p);
	if (!p->fs) {
		task_unlock(p);
		return -ENOENT;
	}
	if (root)
		get_fs_root(p->fs, &path);
	else
		get_fs_pwd(p->fs, &path);
	task_unlock(p);
	s = d_path(&path, buf, PATH_MAX);
	path_put(&path);
	if (IS_ERR(s))
		return PTR_ERR(s);
	memmove(buf, s, strlen(s) + 1);
	return 0;
}

int proc_cwd_link(struct task_struct *p, int fd, char *buf)
{
	return fs_link(p, buf, false);
}

int proc_root_link(struct task_struct *p, int fd, char *buf)
{
	return fs_link(p, buf, true);
}

int proc_pid_fdinfo_show(struct proc_buf *b, struct task_struct *p)
{
	bool cloexec = false;
	struct file *file = task_fget(p, b->fd, &cloexec);
	int err;

	if (!file)
		return -ENOENT;
	err = proc_printf(b, "pos:\t%lld\nflags:\t0%o\nmnt_id:\t%d\nino:\t%lu\n",
			  (long long)file->f_pos, file->f_flags | (cloexec ? O_CLOEXEC : 0),
			  mnt_id_of(file->f_path.mnt), file->f_inode->i_ino);
	fput(file);
	return err;
}
