import factory

from django.contrib.auth.models import Group
from django.utils import timezone

from mentornett.accounts.models import Profile, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    full_name = factory.Faker("name", locale="no_NO")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.emailaddress_set.create(email=self.email, verified=True, primary=True)
        if create:
            self.save()

    @factory.post_generation
    def staff_role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted.value))


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)


class MunicipalityContactFactory(factory.django.DjangoModelFactory):
    """A municipality contact the programme office has verified, as the ones
    it adds itself are; pass verified_at=None for one who registered and waits."""

    class Meta:
        model = "network.MunicipalityContact"

    user = factory.SubFactory(UserFactory)
    verified_at = factory.LazyFunction(timezone.now)
