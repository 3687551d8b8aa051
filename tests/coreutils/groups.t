groups
groups root
groups root daemon
