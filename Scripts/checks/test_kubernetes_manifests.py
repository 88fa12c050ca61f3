"""Tests of deploy/kubernetes/: the manifests hold what the README recipe relies on, and the checks catch each
way of breaking them."""
import copy
import pathlib
import unittest

from checks import kubernetes_manifests

DIRECTORY = pathlib.Path(__file__).resolve().parent.parent.parent / "deploy" / "kubernetes"

try:
    import yaml  # noqa: F401 (PyYAML: Scripts/check-workflows.sh installs it into .build-tools/python)
    HAVE_YAML = True
except ImportError:
    HAVE_YAML = False


@unittest.skipUnless(HAVE_YAML, "PyYAML is missing (Debian: apt-get install python3-yaml; or pip install pyyaml)")
class KubernetesManifestsTest(unittest.TestCase):
    def setUp(self):
        self.documents = kubernetes_manifests.load(DIRECTORY)

    def broken(self, kind, name, change):
        """The problems of a copy of the manifests with `change` applied to the document `kind`/`name`."""
        documents = copy.deepcopy(self.documents)
        change(kubernetes_manifests.find(documents, kind, name))
        return "\n".join(kubernetes_manifests.problems(documents))

    def test_the_manifests_hold_what_the_recipe_relies_on(self):
        self.assertEqual(kubernetes_manifests.problems(self.documents), [])
        workers = kubernetes_manifests.find(self.documents, "Job", "loadgen-workers")
        self.assertEqual(workers["spec"]["completionMode"], "Indexed")
        self.assertEqual(workers["spec"]["parallelism"], workers["spec"]["completions"])

    def test_a_job_that_is_not_indexed_or_not_parallel_is_caught(self):
        self.assertIn("completionMode must be Indexed",
                      self.broken("Job", "loadgen-workers", lambda job: job["spec"].pop("completionMode")))
        self.assertIn("parallelism 2 must equal completions 4",
                      self.broken("Job", "loadgen-workers", lambda job: job["spec"].update(parallelism=2)))
        self.assertIn("runs --shards 4, completions is 5", self.broken(
            "Job", "loadgen-workers", lambda job: job["spec"].update(completions=5, parallelism=5)))

    def test_a_coordinator_address_that_misses_the_service_is_caught(self):
        def dial(address):
            def change(job):
                args = job["spec"]["template"]["spec"]["containers"][0]["args"]
                args[args.index("--coordinator") + 1] = address
            return change
        self.assertIn("names no Service", self.broken("Job", "loadgen-workers", dial("coordinator:7000")))
        self.assertIn("has no port 7001", self.broken("Job", "loadgen-workers", dial("loadgen-coordinator:7001")))
        self.assertIn("must be headless",
                      self.broken("Service", "loadgen-coordinator", lambda service: service["spec"].pop("clusterIP")))
        self.assertIn("does not select the coordinator's pods", self.broken(
            "Service", "loadgen-coordinator",
            lambda service: service["spec"].update(selector={"app.kubernetes.io/name": "other"})))

    def test_missing_requests_and_scenario_are_caught(self):
        def drop_requests(job):
            job["spec"]["template"]["spec"]["containers"][0]["resources"].pop("requests")
        self.assertIn("container worker must request cpu and memory",
                      self.broken("Job", "loadgen-workers", drop_requests))
        self.assertIn("is not JSON", self.broken(
            "ConfigMap", "loadgen-scenario", lambda config: config["data"].update({"scenario.json": "{"})))
        self.assertIn("--workers 4", self.broken("Job", "loadgen-coordinator", lambda job: job["spec"]["template"][
            "spec"]["containers"][0].update(args=["loadgen coordinate --workers 3 --listen 0.0.0.0:7000"])))


if __name__ == "__main__":
    unittest.main()
