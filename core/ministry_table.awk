# Turns assets/ministries.tsv into the C table of core/ministry.h.
BEGIN {
	FS = "\t"
	print "/* Generated from assets/ministries.tsv by core/ministry_table.awk. */"
	print "#include \"config.h\""
	print "#include \"ministry.h\""
	print "const struct ministry ministry_table[] = {"
}
/^#/ || NF < 2 { next }
{
	for (i = 1; i <= 3; i++)
		gsub(/["\\]/, "", $i)
	printf "\t{ \"%s\", \"%s\", \"%s\" },\n", $1, $2, $3
	n++
}
END {
	print "};"
	printf "const size_t ministry_count = %d;\n", n
}
