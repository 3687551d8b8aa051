hostname
hostname | wc -l
