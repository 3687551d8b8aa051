whoami
@status whoami x
