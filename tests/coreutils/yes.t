yes | head -n 3
yes hello world | head -n 2
yes '' | head -n 2
yes x | head -c 7
