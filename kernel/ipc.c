// SPDX-License-Identifier: GPL-2.0
/*
 * L4-style synchronous IPC (include/uapi/ipc.h, docs/ipc.md): endpoints named by file
 * descriptors, messages of six words carried in registers, a call that sends and waits for
 * the reply in one system call, and a server loop of one system call per message.
 *
 * An endpoint has one server end (the file ipc_endpoint makes) and any number of client ends
 * (ipc_connect), each carrying its badge. Nothing of a message is ever stored in the
 * endpoint: the words go from the sender's user register frame (its pt_regs) straight into
 * the receiver's, which the receiver's return to user mode loads. A sender that finds no
 * receiver waits with its words still in its own frame, and the receiver takes them from
 * there. Every waiter is its task's struct ipc_wait, queued on the endpoint; whoever ends
 * the wait writes the registers first, then the result, under the endpoint's lock, and the
 * waiter reads the result under that lock (so the waker may still touch the waiter while it
 * holds the lock).
 *
 * The fast path (as seL4's): a call that finds a server thread waiting on this CPU hands it
 * the message and switches to it at once, the caller asleep waiting for the reply; the reply
 * in ipc_reply_recv switches straight back the same way. Each side leaves its kernel frames
 * behind as it waits (sched_switch_abandon), and the side woken goes straight back to user
 * mode from its frame: no frame is unwound. Everything else (no receiver, another CPU, a
 * signal, a timeout) sleeps and wakes through the run queue.
 *
 * Locking: ep->lock guards the endpoint's queues, closed and buf, every queued ipc_wait, and
 * the ipc_reply of every task whose ipc_reply_ep is this endpoint. Never two endpoint locks
 * at once; the run-queue locks nest inside (wake-ups under ep->lock).
 */
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/anon_inodes.h>
#include <kernel/atomic.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/ipc.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/timer.h>
#include <uapi/fcntl.h>
#include <uapi/ipc.h>

#define IPC_PENDING 1 /* ipc_wait.result until the wait ends: 0 or -errno then */
#define IPC_BUF_PAGES (IPC_BUF_SIZE / PAGE_SIZE)
#define IPC_ECHO_CHUNK 256

enum ipc_kind {
	IPC_W_CALL,
	IPC_W_SEND,
	IPC_W_RECV
};

/* The shared buffer: pages made zeroed on first touch, shared by every mapping of it. */
struct ipc_buf {
	atomic_t refs; /* the endpoint's, and one per VMA mapping it */
	struct address_space mapping;
};

struct ipc_endpoint {
	spinlock_t lock;
	struct list_head receivers; /* server threads in a receive, first come first served */
	struct list_head senders; /* calls and sends no server thread has taken yet, in order */
	struct list_head repliers; /* calls taken, waiting for their reply */
	bool closed; /* the server end is gone: calls and sends fail with EPIPE */
	struct ipc_buf *buf; /* NULL until first mapped */
	atomic_t refs; /* one per end file, one per task whose ipc_reply_ep it is */
};

/* A file's private_data: which endpoint, and for a client end its badge. */
struct ipc_end {
	struct ipc_endpoint *ep;
	u64 badge;
};

static const struct file_operations ipc_server_fops;
static const struct file_operations ipc_client_fops;

/* ---- endpoints and their shared buffer ---------------------------------------------- */

static void ipc_buf_put(struct ipc_buf *buf)
{
	if (!atomic_dec_and_test(&buf->refs))
		return;
	truncate_inode_pages(&buf->mapping, 0);
	kfree(buf);
}

static void ipc_ep_get(struct ipc_endpoint *ep)
{
	atomic_inc(&ep->refs);
}

static void ipc_ep_put(struct ipc_endpoint *ep)
{
	if (!atomic_dec_and_test(&ep->refs))
		return;
	WARN_ON(!list_empty(&ep->receivers) || !list_empty(&ep->senders) ||
		!list_empty(&ep->repliers));
	if (ep->buf)
		ipc_buf_put(ep->buf);
	kfree(ep);
}

/* Called with mmap_lock held for reading; pgoff was checked against the size at mmap. */
static int ipc_buf_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **pagep)
{
	struct ipc_buf *buf = vma->vm_private_data;
	struct page *page;

	if (pgoff >= IPC_BUF_PAGES)
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(&buf->mapping, pgoff);
	if (!page)
		return VM_FAULT_OOM;
	*pagep = page;
	return 0;
}

static void ipc_buf_open(struct vm_area_struct *vma)
{
	struct ipc_buf *buf = vma->vm_private_data;

	atomic_inc(&buf->refs);
}

static void ipc_buf_close(struct vm_area_struct *vma)
{
	ipc_buf_put(vma->vm_private_data);
}

static const char *ipc_buf_name(struct vm_area_struct *vma)
{
	return "[ipc_buf]";
}

static const struct vm_operations_struct ipc_buf_vm_ops = {
	.fault = ipc_buf_fault,
	.open = ipc_buf_open,
	.close = ipc_buf_close,
	.name = ipc_buf_name,
};

/* The endpoint's buffer, made on first use, with a reference for the caller. */
static struct ipc_buf *ipc_buf_get(struct ipc_endpoint *ep)
{
	struct ipc_buf *buf = READ_ONCE(ep->buf), *fresh = NULL;

	if (!buf) {
		fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
		if (!fresh)
			return NULL;
		atomic_set(&fresh->refs, 1); /* the endpoint's */
		address_space_init(&fresh->mapping, NULL);
	}
	spin_lock(&ep->lock);
	if (!ep->buf) {
		ep->buf = fresh;
		fresh = NULL;
	}
	buf = ep->buf;
	atomic_inc(&buf->refs);
	spin_unlock(&ep->lock);
	kfree(fresh); /* another mmap made it first */
	return buf;
}

/*
 * mmap of either end maps the endpoint's buffer. The mapping holds the buffer, not the file:
 * a mapping must not keep a server end open, whose close is what fails the calls with EPIPE.
 */
static int ipc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ipc_end *end = file->private_data;
	unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	struct ipc_buf *buf;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL; /* a private copy of a buffer meant for sharing: no */
	if (vma->vm_pgoff >= IPC_BUF_PAGES || pages > IPC_BUF_PAGES - vma->vm_pgoff)
		return -EINVAL;
	buf = ipc_buf_get(end->ep);
	if (!buf)
		return -ENOMEM;
	fput(vma->vm_file);
	vma->vm_file = NULL;
	vma->vm_private_data = buf;
	vma->vm_ops = &ipc_buf_vm_ops;
	return 0;
}

/* ---- waiting -------------------------------------------------------------------------- */

static __always_inline void ipc_copy_words(struct pt_regs *to, const struct pt_regs *from)
{
	to->rsi = from->rsi;
	to->rdx = from->rdx;
	to->r10 = from->r10;
	to->r8 = from->r8;
	to->r9 = from->r9;
	to->r12 = from->r12;
}

/* Takes w off its queue, and a received call off the thread that owed its reply. */
static void ipc_unlink(struct ipc_endpoint *ep, struct ipc_wait *w)
{
	lockdep_assert_held(&ep->lock);
	list_del_init(&w->node);
	if (w->server) {
		w->server->ipc_reply = NULL;
		w->server = NULL;
	}
}

/* Ends another thread's wait (its registers already written). */
static void ipc_finish(struct ipc_endpoint *ep, struct ipc_wait *w, int result)
{
	lockdep_assert_held(&ep->lock);
	WRITE_ONCE(w->result, result);
	wake_up_process(w->task); /* w->task cannot leave before we unlock */
}

/*
 * Sleeps until w's wait ends: someone set its result, or a signal (-EINTR, no restart: a
 * call half done is not to be sent twice), or the timeout (-ETIMEDOUT; < 0: none). Called
 * and returns with ep->lock held, w queued (or already ended); returns w's result.
 */
static int ipc_sleep(struct ipc_endpoint *ep, struct ipc_wait *w, s64 timeout)
{
	u64 end = timeout > 0 ? sched_clock() + timeout : 0, now;

	lockdep_assert_held(&ep->lock);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(w->result) != IPC_PENDING)
			break;
		if (signal_pending(current)) {
			ipc_unlink(ep, w);
			w->result = -EINTR;
			break;
		}
		now = timeout > 0 ? sched_clock() : 0;
		if (timeout > 0 && now >= end) {
			ipc_unlink(ep, w);
			w->result = -ETIMEDOUT;
			break;
		}
		spin_unlock(&ep->lock);
		if (timeout > 0)
			schedule_timeout_once(end - now);
		else
			schedule();
		spin_lock(&ep->lock);
	}
	__set_current_state(TASK_RUNNING);
	return w->result;
}

/* What a wait's system call returns, once the wait has ended. */
static long ipc_wait_ret(const struct ipc_wait *w)
{
	return w->kind == IPC_W_RECV && !w->result ? w->pid : w->result;
}

/*
 * The end of a call or receive that left its kernel frames behind (ipc_switch_and_sleep),
 * when it is switched to the ordinary way: its wait ended (and then it returns to user mode
 * here rather than straight from the other side's system call), or a signal came first.
 */
static long ipc_resume(void)
{
	struct ipc_wait *w = &current->ipc_wait;
	struct ipc_endpoint *ep = w->ep;
	long ret;

	spin_lock(&ep->lock);
	w->abandoned = false;
	ipc_sleep(ep, w, -1);
	ret = ipc_wait_ret(w);
	spin_unlock(&ep->lock);
	return ret;
}

/*
 * The fast path's switch: next has just been given what it waited for, under ep->lock, and
 * runs on this CPU; the caller, queued as w, hands it the CPU and sleeps until its own wait
 * ends. Anything unusual sends next through the ordinary wake-up. A call lends next its time
 * until the reply (donate: see sched_switch_to_blocked).
 *
 * abandon (the caller holds no reference the end of its system call would drop): the caller
 * leaves its kernel frames behind, and its wait is ended by whoever writes its result into
 * its user frame and switches straight to it (if that one is on this CPU) or wakes it (then
 * ipc_resume ends the call). A next that waits the same way goes back to user mode at once,
 * its result in its frame: the whole round trip unwinds no frame.
 */
static __always_inline int ipc_switch_and_sleep(struct ipc_endpoint *ep, struct ipc_wait *w,
						struct task_struct *next, bool donate, bool abandon)
{
	struct ipc_wait *nw = &next->ipc_wait;
	bool direct;

	lockdep_assert_held(&ep->lock);
	set_current_state(TASK_INTERRUPTIBLE);
	if (unlikely(signal_pending(current))) {
		wake_up_process(next);
		return ipc_sleep(ep, w, -1);
	}
	if (likely(abandon)) {
		/* nw's wait has ended: no other switcher looks at it, and refused, ipc_resume. */
		direct = nw->abandoned;
		nw->abandoned = false;
		if (direct)
			task_pt_regs(next)->rax = ipc_wait_ret(nw);
		w->ep = ep;
		w->abandoned = true;
		local_irq_disable();
		sched_switch_abandon(next, donate, direct, ipc_resume, &ep->lock);
		local_irq_enable(); /* refused: nothing done, ep->lock still held */
		w->abandoned = false;
		wake_up_process(next);
		return ipc_sleep(ep, w, -1);
	}
	get_task_struct(next); /* it may be woken and gone by the time we switch */
	spin_unlock(&ep->lock);
	if (unlikely(sched_switch_to_blocked(next, donate)))
		wake_up_process(next);
	put_task_struct(next);
	spin_lock(&ep->lock);
	/* Switched back to with the wait ended, as a rule: no need to sleep again. */
	if (likely(READ_ONCE(w->result) != IPC_PENDING)) {
		__set_current_state(TASK_RUNNING);
		return w->result;
	}
	return ipc_sleep(ep, w, -1);
}

/* ---- the server side ---------------------------------------------------------------- */

/*
 * The reply current owes, if its caller still waits: the words go into the caller's frame.
 * Returns the caller, to be woken or switched to (before ep->lock is let go), or NULL.
 */
static __always_inline struct task_struct *ipc_give_reply(struct ipc_endpoint *ep,
							  struct pt_regs *regs)
{
	struct ipc_wait *w = current->ipc_reply;

	lockdep_assert_held(&ep->lock);
	if (!w)
		return NULL; /* nothing owed, or the caller left (signal, EPIPE) */
	ipc_unlink(ep, w);
	ipc_copy_words(task_pt_regs(w->task), regs);
	WRITE_ONCE(w->result, 0);
	return w->task;
}

/*
 * Before a receive on ep: a reply still owed is abandoned (its caller gets EPIPE: the thread
 * owes one reply at most, to the caller it received last), and ep becomes the endpoint
 * whose lock guards current->ipc_reply.
 */
static void ipc_prepare_receive(struct ipc_endpoint *ep)
{
	struct ipc_endpoint *old = current->ipc_reply_ep;

	/* Others only ever clear ipc_reply; only this thread sets it, by receiving. */
	if (likely(old == ep && !READ_ONCE(current->ipc_reply)))
		return;
	if (old) {
		spin_lock(&old->lock);
		if (current->ipc_reply) {
			struct ipc_wait *w = current->ipc_reply;

			ipc_unlink(old, w);
			ipc_finish(old, w, -EPIPE);
		}
		spin_unlock(&old->lock);
	}
	if (old != ep) {
		ipc_ep_get(ep);
		current->ipc_reply_ep = ep;
		if (old)
			ipc_ep_put(old);
	}
}

/* A sender is waiting: take its message (and, for a call, owe it the reply). */
static long ipc_take_sender(struct ipc_endpoint *ep, struct pt_regs *regs)
{
	struct ipc_wait *s = list_first_entry(&ep->senders, struct ipc_wait, node);

	lockdep_assert_held(&ep->lock);
	list_del_init(&s->node);
	ipc_copy_words(regs, task_pt_regs(s->task));
	regs->rdi = s->badge;
	if (s->kind == IPC_W_CALL) {
		s->server = current;
		current->ipc_reply = s;
		list_add_tail(&s->node, &ep->repliers);
	} else {
		ipc_finish(ep, s, 0);
	}
	return s->task->tgid;
}

/*
 * Receives the next message on ep into regs; caller (or NULL) is the thread just replied to,
 * to be woken, or switched to straight away when this thread then waits on the same CPU.
 * Called and returns with ep->lock held; current->ipc_reply_ep is ep and nothing is owed.
 */
static __always_inline long ipc_receive(struct ipc_endpoint *ep, struct pt_regs *regs, s64 timeout,
					struct task_struct *caller, bool abandon)
{
	struct ipc_wait *w = &current->ipc_wait;
	int err;

	lockdep_assert_held(&ep->lock);
	if (unlikely(!list_empty(&ep->senders))) {
		if (caller)
			wake_up_process(caller);
		return ipc_take_sender(ep, regs);
	}
	if (unlikely(!timeout)) {
		if (caller)
			wake_up_process(caller);
		return -EAGAIN;
	}
	w->task = current;
	w->server = NULL;
	w->kind = IPC_W_RECV;
	w->result = IPC_PENDING;
	list_add_tail(&w->node, &ep->receivers);
	if (caller && likely(READ_ONCE(caller->cpu) == smp_processor_id() && timeout < 0)) {
		err = ipc_switch_and_sleep(ep, w, caller, false, abandon);
	} else {
		if (caller)
			wake_up_process(caller);
		err = ipc_sleep(ep, w, timeout);
	}
	return err ? err : w->pid;
}

/* ---- the client side ---------------------------------------------------------------- */

/*
 * Sends the words in regs from current through a client end with badge: to a server thread
 * that waits (straight to it, on this CPU), or queued until one comes. A call then waits for
 * the reply; a send only until its message is taken (or the timeout).
 */
static long ipc_send_common(struct ipc_endpoint *ep, u64 badge, struct pt_regs *regs, bool call,
			    s64 timeout, bool abandon)
{
	struct ipc_wait *w = &current->ipc_wait, *r;
	struct task_struct *server;
	struct pt_regs *sregs;
	int err;

	w->task = current;
	w->server = NULL;
	w->badge = badge;
	w->kind = call ? IPC_W_CALL : IPC_W_SEND;
	w->result = IPC_PENDING;
	spin_lock(&ep->lock);
	if (unlikely(ep->closed)) {
		err = -EPIPE;
		goto out_unlock;
	}
	if (unlikely(list_empty(&ep->receivers))) {
		if (!timeout) {
			err = -EAGAIN;
			goto out_unlock;
		}
		list_add_tail(&w->node, &ep->senders);
		err = ipc_sleep(ep, w, timeout);
		goto out_unlock;
	}
	r = list_first_entry(&ep->receivers, struct ipc_wait, node);
	list_del_init(&r->node);
	server = r->task;
	sregs = task_pt_regs(server);
	ipc_copy_words(sregs, regs);
	sregs->rdi = badge;
	r->pid = current->tgid;
	WRITE_ONCE(r->result, 0);
	if (!call) {
		wake_up_process(server);
		err = 0;
		goto out_unlock;
	}
	/* server->ipc_reply_ep is ep: it set it before it queued itself. */
	w->server = server;
	server->ipc_reply = w;
	list_add_tail(&w->node, &ep->repliers);
	if (likely(READ_ONCE(server->cpu) == smp_processor_id())) {
		err = ipc_switch_and_sleep(ep, w, server, true, abandon);
	} else {
		wake_up_process(server);
		err = ipc_sleep(ep, w, -1);
	}
out_unlock:
	spin_unlock(&ep->lock);
	return err;
}

/* ---- descriptors -------------------------------------------------------------------- */

/*
 * The end at fd (fget_light: *put says whether an fput is owed): -EBADF if fd is not open or
 * is the other end than fops, -EINVAL if it is another kind of file.
 */
static __always_inline struct file *ipc_fget(int fd, const struct file_operations *fops, bool *put,
					     long *err)
{
	struct file *file = fget_light(fd, put);

	if (unlikely(!file)) {
		*err = -EBADF;
		return NULL;
	}
	if (likely(file->f_op == fops))
		return file;
	if (file->f_op == &ipc_server_fops || file->f_op == &ipc_client_fops)
		*err = -EBADF;
	else
		*err = -EINVAL;
	if (*put)
		fput(file);
	return NULL;
}

static void ipc_fput(struct file *file, bool put)
{
	if (put)
		fput(file);
}

/* The last server end is gone: every waiting call and send fails, and every later one. */
static int ipc_server_release(struct inode *inode, struct file *file)
{
	struct ipc_end *end = file->private_data;
	struct ipc_endpoint *ep = end->ep;
	struct ipc_wait *w, *n;

	spin_lock(&ep->lock);
	ep->closed = true;
	/* A receiving thread holds the file: none can be waiting now. */
	WARN_ON(!list_empty(&ep->receivers));
	list_for_each_entry_safe(w, n, &ep->senders, node) {
		ipc_unlink(ep, w);
		ipc_finish(ep, w, -EPIPE);
	}
	list_for_each_entry_safe(w, n, &ep->repliers, node) {
		ipc_unlink(ep, w);
		ipc_finish(ep, w, -EPIPE);
	}
	spin_unlock(&ep->lock);
	ipc_ep_put(ep);
	kfree(end);
	return 0;
}

static int ipc_client_release(struct inode *inode, struct file *file)
{
	struct ipc_end *end = file->private_data;

	ipc_ep_put(end->ep);
	kfree(end);
	return 0;
}

static const struct file_operations ipc_server_fops = {
	.mmap = ipc_mmap,
	.release = ipc_server_release,
};

static const struct file_operations ipc_client_fops = {
	.mmap = ipc_mmap,
	.release = ipc_client_release,
};

/* A new end of ep (taking a reference on it) at the lowest free descriptor. */
static long ipc_install_end(struct ipc_endpoint *ep, u64 badge, bool server, unsigned int flags)
{
	struct ipc_end *end = kzalloc(sizeof(*end), GFP_KERNEL);
	struct file *file;
	int fd;

	if (!end)
		return -ENOMEM;
	end->ep = ep;
	end->badge = badge;
	file = anon_inode_getfile(server ? "[ipc_server]" : "[ipc_client]",
				  server ? &ipc_server_fops : &ipc_client_fops, end, O_RDWR);
	if (IS_ERR(file)) {
		kfree(end);
		return PTR_ERR(file);
	}
	ipc_ep_get(ep);
	fd = fd_install_from(current->files, file, 0, flags & IPC_CLOEXEC);
	if (fd < 0)
		fput(file); /* release drops the reference */
	return fd;
}

/* ---- system calls ------------------------------------------------------------------- */

long sys_ipc_endpoint(unsigned int flags)
{
	struct ipc_endpoint *ep;
	long fd;

	if (flags & ~IPC_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	spin_lock_init(&ep->lock);
	INIT_LIST_HEAD(&ep->receivers);
	INIT_LIST_HEAD(&ep->senders);
	INIT_LIST_HEAD(&ep->repliers);
	atomic_set(&ep->refs, 1); /* ours, until the end holds one */
	fd = ipc_install_end(ep, 0, true, flags);
	ipc_ep_put(ep);
	return fd;
}

long sys_ipc_connect(int server_fd, u64 badge, unsigned int flags)
{
	struct file *file;
	bool put;
	long ret;

	if (flags & ~IPC_CLOEXEC)
		return -EINVAL;
	file = ipc_fget(server_fd, &ipc_server_fops, &put, &ret);
	if (!file)
		return ret;
	ret = ipc_install_end(((struct ipc_end *)file->private_data)->ep, badge, false, flags);
	ipc_fput(file, put);
	return ret;
}

static long ipc_client_op(int fd, bool call)
{
	struct pt_regs *regs = current_pt_regs();
	struct ipc_end *end;
	struct file *file;
	bool put;
	long ret;

	file = ipc_fget(fd, &ipc_client_fops, &put, &ret);
	if (unlikely(!file))
		return ret;
	end = file->private_data;
	ret = ipc_send_common(end->ep, end->badge, regs, call, call ? -1 : (s64)regs->r13, !put);
	ipc_fput(file, put);
	return ret;
}

long sys_ipc_call(int fd)
{
	return ipc_client_op(fd, true);
}

long sys_ipc_send(int fd)
{
	return ipc_client_op(fd, false);
}

long sys_ipc_reply_recv(int fd)
{
	struct pt_regs *regs = current_pt_regs();
	struct ipc_endpoint *ep, *reply_ep;
	struct task_struct *caller;
	struct file *file;
	bool put;
	long ret;

	file = ipc_fget(fd, &ipc_server_fops, &put, &ret);
	if (unlikely(!file))
		return ret;
	ep = ((struct ipc_end *)file->private_data)->ep;
	reply_ep = current->ipc_reply_ep;
	if (likely(reply_ep == ep)) {
		spin_lock(&ep->lock);
		caller = ipc_give_reply(ep, regs);
	} else {
		/* The reply goes through the endpoint it was called on. */
		if (reply_ep) {
			spin_lock(&reply_ep->lock);
			caller = ipc_give_reply(reply_ep, regs);
			if (caller)
				wake_up_process(caller);
			spin_unlock(&reply_ep->lock);
		}
		ipc_prepare_receive(ep);
		spin_lock(&ep->lock);
		caller = NULL;
	}
	ret = ipc_receive(ep, regs, -1, caller, !put);
	spin_unlock(&ep->lock);
	ipc_fput(file, put);
	return ret;
}

long sys_ipc_recv(int fd)
{
	struct pt_regs *regs = current_pt_regs();
	struct ipc_endpoint *ep;
	struct file *file;
	bool put;
	long ret;

	file = ipc_fget(fd, &ipc_server_fops, &put, &ret);
	if (unlikely(!file))
		return ret;
	ep = ((struct ipc_end *)file->private_data)->ep;
	ipc_prepare_receive(ep);
	spin_lock(&ep->lock);
	ret = ipc_receive(ep, regs, (s64)regs->r13, NULL, false);
	spin_unlock(&ep->lock);
	ipc_fput(file, put);
	return ret;
}

/* The comparison the benchmark makes: a system call that copies len bytes in and out. */
long sys_ipc_echo(void __user *buf, size_t len)
{
	u8 chunk[IPC_ECHO_CHUNK];
	size_t done, n;

	if (len > IPC_ECHO_MAX)
		return -EINVAL;
	for (done = 0; done < len; done += n) {
		n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		if (copy_from_user(chunk, (u8 __user *)buf + done, n) ||
		    copy_to_user((u8 __user *)buf + done, chunk, n))
			return -EFAULT;
	}
	return len;
}

/* ---- a thread's end ----------------------------------------------------------------- */

void ipc_exit(struct task_struct *tsk)
{
	struct ipc_endpoint *ep = tsk->ipc_reply_ep;

	if (!ep)
		return;
	spin_lock(&ep->lock);
	if (tsk->ipc_reply) {
		struct ipc_wait *w = tsk->ipc_reply;

		ipc_unlink(ep, w);
		ipc_finish(ep, w, -EPIPE);
	}
	spin_unlock(&ep->lock);
	tsk->ipc_reply_ep = NULL;
	ipc_ep_put(ep);
}
