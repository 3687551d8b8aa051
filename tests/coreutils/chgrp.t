%setup touch f; mkdir -p d/e; touch d/x; ln -s f l
chgrp 5 f && stat -c '%u %g' f
chgrp root f && stat -c '%g' f
chgrp -R 6 d && stat -c '%n %g' d d/e d/x
chgrp -h 7 l && stat -c '%g' l f
@status chgrp nosuchgroup f
@status chgrp 1 nope
@status chgrp 1
