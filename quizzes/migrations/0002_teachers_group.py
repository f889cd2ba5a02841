"""Create the Teachers group with exactly the permissions authoring needs."""

from django.db import migrations

TEACHER_PERMISSIONS = {
    "quizzes": {
        "article": ["add", "change", "view"],
        "questionbank": ["add", "change", "delete", "view"],
        "question": ["add", "change", "delete", "view"],
        "choice": ["add", "change", "delete", "view"],
        "tag": ["add", "view"],
        "generationjob": ["view"],
    },
}


def create_teachers_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Teachers")
    wanted = []
    for app_label, models in TEACHER_PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                wanted.append(
                    Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    )
                )
    group.permissions.set(wanted)


def remove_teachers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Teachers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_teachers_group, remove_teachers_group)]
