// fisctl: the command line comes with the next step.
return 0;
