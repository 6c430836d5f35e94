"""(work in progress)"""
def extract(seg, *args):
    return []
