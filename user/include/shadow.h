#ifndef _SHADOW_H
#define _SHADOW_H
#include <stdio.h>
/* One line of /etc/shadow: name:hash:lastchg:min:max:warn:inactive:expire:flag (-1: empty). */
struct spwd {
	char *sp_namp, *sp_pwdp;
	long sp_lstchg, sp_min, sp_max, sp_warn, sp_inact, sp_expire;
	unsigned long sp_flag;
};
struct spwd *getspnam(const char *name);
struct spwd *getspent(void);
void setspent(void);
void endspent(void);
struct spwd *fgetspent(FILE *f);
struct spwd *sgetspent(const char *line);
int putspent(const struct spwd *sp, FILE *f);
#endif
