# Turns assets/ministries.tsv into the C tables of core/ministry.h: one
# row per ministry or portfolio, one per succession.  The source column
# stays in the .tsv (tests/test_ministry.c checks that every row has one).
BEGIN {
	FS = "\t"
	print "/* Generated from assets/ministries.tsv by core/ministry_table.awk. */"
	print "#include \"config.h\""
	print "#include \"ministry.h\""
}
/^#/ || NF < 2 { next }
{
	for (i = 1; i <= NF; i++)
		gsub(/["\\]/, "", $i)
}
$1 == "succession" {
	succ[ns++] = sprintf("\t{ \"%s\", \"%s\", \"%s\" },", $2, $3, $4)
	next
}
{
	rows[n++] = sprintf("\t{ \"%s\", \"%s\", \"%s\", \"%s\", \"%s\" },", \
	    $1, $2, $3, $4, $5)
}
END {
	print "const struct ministry ministry_table[] = {"
	for (i = 0; i < n; i++)
		print rows[i]
	print "};"
	printf "const size_t ministry_count = %d;\n", n
	print "const struct ministry_succession ministry_successions[] = {"
	for (i = 0; i < ns; i++)
		print succ[i]
	print "};"
	printf "const size_t ministry_succession_count = %d;\n", ns
}
