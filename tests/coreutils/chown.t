%setup touch f; mkdir -p d/e; touch d/x; ln -s f l
chown 1:2 f && stat -c '%u %g' f
chown 5 f && stat -c '%u %g' f
chown :7 f && stat -c '%u %g' f
chown root:root f && stat -c '%u %g' f
chown -R 3:4 d && stat -c '%n %u %g' d d/e d/x
chown -h 9:9 l && stat -c '%u %g' l f
chown 9:9 l && stat -c '%u %g' l f
chown daemon f && stat -c '%U' f
@status chown nosuchuser f
@status chown 1 nope
@status chown 1
@status chown 1:nosuchgroup f
