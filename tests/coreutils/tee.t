%setup printf 'line1\nline2\n' > in; echo old > keep
@tree tee out < in
@tree tee out1 out2 < in
@tree tee -a keep < in
@tree tee < in
@tree tee -i x < in
@status tee nodir/x < in
