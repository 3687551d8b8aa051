// SPDX-License-Identifier: GPL-2.0
/* Does nothing, unsuccessfully: status 1, as false(1). */
int main(void)
{
	return 1;
}
