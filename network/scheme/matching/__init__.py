"""Matching mentees with mentors, hubs and municipalities ("Finn mentor"): pure
functions over plain values, no database access. ``geography`` says how near two
municipalities are, ``score`` weighs a candidate for a seeker, ``animals`` names
the animals and production types a practice works with."""
