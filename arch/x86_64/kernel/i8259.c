// SPDX-License-Identifier: GPL-2.0
/*
 * The legacy 8259 PICs. At power-on they deliver IRQ 0-7 on vectors 8-15, on top of the CPU
 * exceptions, so they are moved out of the way (to 0x20-0x2f) and then masked entirely: the
 * kernel uses the APICs.
 */
#include <asm/io.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01
#define PIC1_VECTOR_BASE 0x20
#define PIC2_VECTOR_BASE 0x28

void legacy_pic_disable(void);
void legacy_pic_disable(void)
{
	outb(ICW1_INIT_ICW4, PIC1_CMD);
	io_delay();
	outb(ICW1_INIT_ICW4, PIC2_CMD);
	io_delay();
	outb(PIC1_VECTOR_BASE, PIC1_DATA);
	io_delay();
	outb(PIC2_VECTOR_BASE, PIC2_DATA);
	io_delay();
	outb(4, PIC1_DATA); /* the slave sits on IRQ 2 */
	io_delay();
	outb(2, PIC2_DATA); /* its cascade identity */
	io_delay();
	outb(ICW4_8086, PIC1_DATA);
	io_delay();
	outb(ICW4_8086, PIC2_DATA);
	io_delay();
	outb(0xff, PIC1_DATA);
	outb(0xff, PIC2_DATA);
}
