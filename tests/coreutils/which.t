# which against Debian's which, with PATH pinned to directories made here: the program itself
# is found through the test's PATH first (command -v), then run with the pinned one.
%setup mkdir b1 b2 b3 dir.x; printf '#!/bin/sh\n' > b1/p; cp b1/p b2/p; cp b1/p b2/q; cp b1/p b3/r; chmod +x b1/p b2/p b2/q; chmod 644 b3/r; mkdir b3/d; chmod +x b3/d; cp b1/p ./here; chmod +x here
W=$(command -v which); PATH=b1:b2:b3 "$W" p
W=$(command -v which); PATH=b1:b2:b3 "$W" -a p
W=$(command -v which); PATH=b1:b2:b3 "$W" q p
W=$(command -v which); PATH=b1:b2:b3 "$W" r; echo $?
W=$(command -v which); PATH=b1:b2:b3 "$W" d; echo $?
W=$(command -v which); PATH=b1:b2:b3 "$W" nope; echo $?
W=$(command -v which); PATH=b1:b2:b3 "$W" p nope q; echo $?
W=$(command -v which); PATH=b1:b2:b3 "$W"; echo $?
W=$(command -v which); PATH=b1::b2 "$W" here; echo $?
W=$(command -v which); PATH=b1:b2: "$W" -a here p; echo $?
W=$(command -v which); PATH=:b2 "$W" -a here q
W=$(command -v which); PATH=/nonexistent:b2 "$W" q
W=$(command -v which); PATH=b1 "$W" ./here b1/p b3/r; echo $?
W=$(command -v which); PATH=b1 "$W" -a b2/q; echo $?
W=$(command -v which); PATH=b1 "$W" /bin/sh; echo $?
W=$(command -v which); PATH=/usr/bin:/bin "$W" -a sh | head -1
@status W=$(command -v which); PATH=b1 "$W" -x p
which --help | head -1 | grep -c Usage
