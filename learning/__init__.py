"""Learner side: FSRS scheduling -> reviews -> quizzes -> progress."""
