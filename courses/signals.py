from django.dispatch import Signal

# Sent inside the completion transaction, once per enrolment, when a learner
# completes a course. Arguments: enrolment. The certificates code hooks in here,
# so a certificate is issued in the same transaction as the completion.
course_completed = Signal()
