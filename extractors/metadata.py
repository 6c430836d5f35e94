"""(work in progress)"""
def extract(seg, *args):
    return __import__('schemas').DocumentMeta()
