#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <bits/types.h>
#include <signal.h>
#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x1000000
#define WEXITSTATUS(s) (((s)&0xff00) >> 8)
#define WTERMSIG(s) ((s)&0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WCOREDUMP(s) ((s)&0x80)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSTOPPED(s) (((s)&0xff) == 0x7f)
#define WIFSIGNALED(s) (((s)&0xffff) - 1U < 0xffu)
#define WIFCONTINUED(s) ((s) == 0xffff)
struct rusage;
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
typedef enum {
	P_ALL = 0,
	P_PID = 1,
	P_PGID = 2
} idtype_t;
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
#endif
